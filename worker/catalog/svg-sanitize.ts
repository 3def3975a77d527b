import { DOMParser, type Element, type Node, onErrorStopParsing, XMLSerializer } from "@xmldom/xmldom";
import { AppError } from "../shared/errors";

/**
 * SVG uploads are parsed (namespace-aware, @xmldom/xmldom) and rebuilt from an allow-list: only
 * elements of the SVG namespace with allowed local names, only allowed attributes, and only local
 * references (`#id`, `url(#id)`). The output is a fresh document, so nothing the input smuggled in
 * survives: `<x:script>` whose prefix is bound to the SVG namespace is a `script` and dropped like
 * `<script>`; processing instructions (xml-stylesheet), the DOCTYPE, comments, foreign namespaces,
 * event handlers, links, `<image>`, `<foreignObject>` and animations are dropped. Images are also
 * served with a sandboxing CSP (see imageHeaders); this makes a stored SVG safe without it.
 */
const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const ELEMENTS = new Set(
  (
    "svg g defs symbol use title desc metadata switch path rect circle ellipse line polyline polygon " +
    "text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker style " +
    "filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting " +
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR " +
    "feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting " +
    "feSpotLight feTile feTurbulence"
  ).split(" "),
);
/** Elements whose text is kept (everything else keeps only its child elements). */
const TEXT_ELEMENTS = new Set(["text", "tspan", "textPath", "title", "desc", "style"]);

const ATTRIBUTES = new Set(
  (
    "id class style transform x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points viewBox " +
    "preserveAspectRatio version offset pathLength fill fill-opacity fill-rule stroke stroke-width " +
    "stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity " +
    "opacity color display visibility overflow clip-path clip-rule clipPathUnits mask maskUnits " +
    "maskContentUnits filter filterUnits primitiveUnits stop-color stop-opacity gradientUnits " +
    "gradientTransform spreadMethod patternUnits patternContentUnits patternTransform marker-start " +
    "marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient in in2 result " +
    "stdDeviation dx dy mode operator k1 k2 k3 k4 values type tableValues slope intercept amplitude " +
    "exponent flood-color flood-opacity lighting-color baseFrequency numOctaves seed stitchTiles " +
    "scale xChannelSelector yChannelSelector radius kernelMatrix order divisor bias targetX targetY " +
    "edgeMode preserveAlpha surfaceScale diffuseConstant specularConstant specularExponent azimuth " +
    "elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle font-family font-size font-weight " +
    "font-style font-variant text-anchor dominant-baseline alignment-baseline baseline-shift " +
    "letter-spacing word-spacing text-decoration writing-mode lengthAdjust textLength rotate " +
    "startOffset method spacing side vector-effect shape-rendering text-rendering image-rendering " +
    "color-interpolation color-interpolation-filters isolation mix-blend-mode paint-order " +
    "enable-background requiredFeatures systemLanguage"
  ).split(" "),
);

const MAX_DEPTH = 64;

/** A value may reference only this document: `url(#id)`, never a URL, script or CSS import. */
function safeValue(value: string): boolean {
  const v = value.toLowerCase();
  if (/javascript:|vbscript:|data:|@import|expression\s*\(|\\|<|behavior\s*:|-moz-binding/.test(v))
    return false;
  for (const m of v.matchAll(/url\s*\(\s*(['"]?)\s*(.)/g)) if (m[2] !== "#") return false;
  return true;
}

const unsafe = (message: string) => new AppError(400, "INVALID_SVG", message);

export function sanitizeSvg(text: string): string {
  let doc: ReturnType<DOMParser["parseFromString"]>;
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, "image/svg+xml");
  } catch {
    throw unsafe("SVG 文件格式不正确，无法解析");
  }
  const root = doc.documentElement;
  if (!root || !isSvg(root, "svg")) throw unsafe("SVG 文件的根元素必须是 <svg>");
  const out = doc.implementation.createDocument(SVG_NS, "svg", null);
  copyInto(root, out.documentElement!, 0);
  return new XMLSerializer().serializeToString(out.documentElement!);
}

/** An element of the SVG namespace (or of none: an `<svg>` without xmlns is meant as SVG). */
function isSvg(el: Element, localName?: string): boolean {
  const ns = el.namespaceURI;
  return (ns === SVG_NS || ns === null) && (localName === undefined || el.localName === localName);
}

function copyInto(from: Element, to: Element, depth: number) {
  if (depth > MAX_DEPTH) throw unsafe("SVG 嵌套层级过深");
  for (let i = 0; i < from.attributes.length; i++) {
    const a = from.attributes.item(i)!;
    if (!safeValue(a.value)) continue;
    if (a.namespaceURI === null && ATTRIBUTES.has(a.localName!)) to.setAttribute(a.localName!, a.value);
    else if ((a.namespaceURI === null || a.namespaceURI === XLINK_NS) && a.localName === "href") {
      if (a.value.trim().startsWith("#")) to.setAttributeNS(XLINK_NS, "xlink:href", a.value.trim());
    } else if (a.namespaceURI === XML_NS && a.localName === "space")
      to.setAttributeNS(XML_NS, "xml:space", a.value);
  }
  const keepText = TEXT_ELEMENTS.has(to.localName!);
  for (let n: Node | null = from.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE) {
      const el = n as Element;
      if (!isSvg(el) || !ELEMENTS.has(el.localName!)) continue;
      const copy = to.ownerDocument!.createElementNS(SVG_NS, el.localName!);
      copyInto(el, copy, depth + 1);
      to.appendChild(copy);
    } else if (keepText && (n.nodeType === n.TEXT_NODE || n.nodeType === n.CDATA_SECTION_NODE)) {
      const value = n.nodeValue ?? "";
      if (to.localName === "style" && !safeValue(value)) continue;
      to.appendChild(to.ownerDocument!.createTextNode(value));
    }
  }
}
