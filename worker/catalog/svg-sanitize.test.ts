import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { sanitizeSvg } from "./svg-sanitize";

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

/** Every element and attribute of the output, re-parsed: what a browser would see. */
function inventory(svg: string) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const found: { elements: string[]; attributes: string[] } = { elements: [], attributes: [] };
  const walk = (el: Element) => {
    found.elements.push(`${el.namespaceURI}|${el.localName}`);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      found.attributes.push(`${a.name}=${a.value}`);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === c.ELEMENT_NODE) walk(c as Element);
  };
  walk(doc.documentElement!);
  return found;
}

describe("sanitizeSvg", () => {
  it("drops <x:script> when x is bound to the SVG namespace, and every other script spelling", () => {
    const out = sanitizeSvg(
      `<x:svg xmlns:x="http://www.w3.org/2000/svg"><x:script>alert(1)</x:script><x:rect width="1" height="1"/></x:svg>`,
    );
    expect(out).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    for (const input of [
      `<svg ${SVG}><script>alert(1)</script></svg>`,
      `<svg ${SVG} xmlns:x="http://www.w3.org/2000/svg"><x:script>alert(1)</x:script></svg>`,
      `<svg ${SVG}><SCRIPT>alert(1)</SCRIPT></svg>`,
      `<svg ${SVG}><g xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></g></svg>`,
      `<svg ${SVG}><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject></svg>`,
      `<svg ${SVG}><script><![CDATA[alert(1)]]></script></svg>`,
    ]) {
      const o = sanitizeSvg(input);
      expect(o).not.toMatch(/alert|script|onerror|foreignObject|xhtml/i);
      expect(o).toBe(`<svg ${SVG}/>`);
    }
  });

  it("drops event handlers, in any namespace or case", () => {
    const out = sanitizeSvg(
      `<svg ${SVG} xmlns:a="http://www.w3.org/2000/svg" onload="alert(1)" a:onload="alert(2)" ONLOAD="alert(3)"><rect onclick="alert(4)" width="2"/></svg>`,
    );
    expect(out).toBe(`<svg ${SVG}><rect width="2"/></svg>`);
  });

  it("keeps local references and drops every link, import or non-local url()", () => {
    const out = sanitizeSvg(
      `<svg ${SVG} ${XLINK}><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><path id="p" d="M0 0"/></defs>` +
        `<use xlink:href="#p"/><use href="#p"/><use xlink:href="https://evil.example/x.svg#p"/><use href="javascript:alert(1)"/>` +
        `<rect fill="url(#g)"/><rect fill="url(https://evil.example/track)"/><rect style="fill:url( 'https://evil.example' )"/>` +
        `<a href="javascript:alert(1)"><rect/></a><image href="https://evil.example/x.png"/>` +
        `<style>@import url(https://evil.example/x.css);</style><style>.a{fill:red}</style></svg>`,
    );
    expect(out).not.toMatch(/evil|javascript|@import/);
    const { elements, attributes } = inventory(out);
    expect(elements.filter((e) => e.endsWith("|use"))).toHaveLength(4);
    expect(attributes.filter((a) => a === "xlink:href=#p")).toHaveLength(2);
    expect(attributes).toContain("fill=url(#g)");
    expect(elements).not.toContain("http://www.w3.org/2000/svg|a");
    expect(elements).not.toContain("http://www.w3.org/2000/svg|image");
    expect(out).toContain("<style>.a{fill:red}</style>");
  });

  it("drops animations (they can rewrite href to javascript:) and processing instructions", () => {
    const out = sanitizeSvg(
      `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?><svg ${SVG}><a><set attributeName="href" to="javascript:alert(1)"/></a><animate attributeName="href" values="javascript:alert(1)"/><rect/></svg>`,
    );
    expect(out).toBe(`<svg ${SVG}><rect/></svg>`);
  });

  it("outputs only allow-listed SVG elements for a batch of known XSS vectors", () => {
    const vectors = [
      `<svg ${SVG}><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler></svg>`,
      `<svg ${SVG}><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></svg>`,
      `<svg ${SVG}><math xmlns="http://www.w3.org/1998/Math/MathML"><maction actiontype="statusline" xlink:href="javascript:alert(1)" ${XLINK}>x</maction></math></svg>`,
      `<svg ${SVG}><text>&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>`,
      `<svg ${SVG}><style>svg{background:url("javascript:alert(1)")}</style></svg>`,
      `<svg ${SVG}><rect style="behavior:url(x.htc)"/></svg>`,
    ];
    for (const v of vectors) {
      const out = sanitizeSvg(v);
      expect(out).not.toMatch(/javascript|<script|behavior|iframe|handler|math/i);
      for (const e of inventory(out).elements) expect(e.startsWith("http://www.w3.org/2000/svg|")).toBe(true);
    }
  });

  it("refuses malformed XML, undeclared entities, a non-SVG root and absurd nesting", () => {
    expect(() => sanitizeSvg("<svg><g></svg>")).toThrow(/格式不正确/);
    expect(() => sanitizeSvg('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>')).toThrow(/格式不正确/);
    expect(() => sanitizeSvg(`<html ${SVG}/>`)).toThrow(/根元素/);
    expect(() => sanitizeSvg(`<svg xmlns="http://www.w3.org/1999/xhtml"/>`)).toThrow(/根元素/);
    expect(() => sanitizeSvg(`<svg ${SVG}>${"<g>".repeat(200)}${"</g>".repeat(200)}</svg>`)).toThrow(/层级/);
  });
});
