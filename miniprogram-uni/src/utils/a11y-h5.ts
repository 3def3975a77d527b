/**
 * What uni-app's H5 renderer leaves out for assistive technology, added as the DOM appears (H5 only;
 * the mini program has its own accessibility layer):
 * - <image> draws its picture as a CSS background and keeps a transparent <img> (for long-press saving)
 *   without alt: that <img> is decorative, so alt="" (the product/category name is the text beside it);
 *   the tab bar's icons sit next to their label, likewise.
 * - <input>/<textarea> show their placeholder in a separate element, so the field itself has no name:
 *   it gets the host's aria-label, or the placeholder text.
 * - <button> and the tab bar's items are not focusable: they get role and tabindex, so a keyboard or a
 *   switch device can reach them; a disabled <button> is aria-disabled.
 */
function patch(root: ParentNode) {
  root.querySelectorAll<HTMLImageElement>("img:not([alt])").forEach((img) => {
    img.alt = "";
  });
  root.querySelectorAll<HTMLElement>("uni-input input:not([aria-label]), uni-textarea textarea:not([aria-label])").forEach((field) => {
    const host = field.closest("uni-input, uni-textarea");
    const name =
      host?.getAttribute("aria-label") ??
      host?.querySelector(".uni-input-placeholder, .uni-textarea-placeholder")?.textContent?.trim();
    // uview's stepper field has neither: it is the quantity.
    const label = name || (field.closest(".u-number-box") ? "数量" : "");
    if (label) field.setAttribute("aria-label", label);
  });
  root.querySelectorAll<HTMLElement>("uni-button:not([tabindex]), .uni-tabbar__item:not([tabindex])").forEach((el) => {
    el.setAttribute("role", el.matches("uni-button") ? "button" : "link");
    el.tabIndex = 0;
  });
  // uni-button marks itself disabled="true": say so to assistive technology too.
  root.querySelectorAll<HTMLElement>("uni-button").forEach((el) => {
    const disabled = el.hasAttribute("disabled") && el.getAttribute("disabled") !== "false";
    if (el.getAttribute("aria-disabled") !== String(disabled)) el.setAttribute("aria-disabled", String(disabled));
  });
}

export function installH5Accessibility() {
  let queued = false;
  const run = () => {
    queued = false;
    patch(document);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(run);
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["disabled"],
  });
  run();
}
