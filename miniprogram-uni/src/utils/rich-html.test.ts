import { describe, expect, it } from "vitest";
import { fitRichHtml } from "./rich-html";

describe("rich description fitted to the screen", () => {
  it("caps images at the width, keeping their own style after ours", () => {
    const out = fitRichHtml('<p><img src="/a.png" alt="卡"></p><img src="/b.png" style="border:1px solid" />');
    expect(out).toContain('<img src="/a.png" alt="卡" style="max-width:100%;height:auto;display:block;">');
    expect(out).toContain('style="max-width:100%;height:auto;display:block;border:1px solid"');
  });

  it("puts every table in its own sideways-scrolling box", () => {
    const out = fitRichHtml("<table><tr><td>1</td></tr></table><p>x</p><TABLE></TABLE>");
    expect(out.match(/overflow-x:auto/g)).toHaveLength(2);
    expect(out).toContain("</table></div><p>x</p>");
    expect(out.startsWith('<div style="max-width:100%')).toBe(true);
  });
});
