import { describe, expect, it } from "vitest";
import { sanitizeHtml } from "./sanitize-html";

describe("sanitizeHtml", () => {
  it("keeps allowed formatting", () => {
    expect(sanitizeHtml("<p>大容量 <strong>520L</strong></p><ul><li>一级能效</li></ul>")).toBe(
      "<p>大容量 <strong>520L</strong></p><ul><li>一级能效</li></ul>",
    );
  });
  it("removes scripts with their content, and event handlers", () => {
    const out = sanitizeHtml(
      '<p onclick="alert(1)">hi<script>alert(2)</script></p><img src=x onerror=alert(3)>',
    );
    expect(out).toBe("<p>hi</p><img>");
    expect(out).not.toMatch(/alert|onerror|onclick/);
  });
  it("rejects javascript: and data: URLs, including entity-encoded ones", () => {
    expect(sanitizeHtml('<img src="javascript:alert(1)">')).toBe("<img>");
    expect(sanitizeHtml('<img src="jav&#x61;script:alert(1)">')).toBe("<img>");
    expect(sanitizeHtml('<img src="data:image/svg+xml,<svg onload=alert(1)>">')).toBe("<img>");
    expect(sanitizeHtml('<img src="/api/images/p/1.png" alt="正面">')).toBe(
      '<img src="/api/images/p/1.png" alt="正面">',
    );
  });
  it("drops unknown tags but keeps their text, escaped", () => {
    expect(sanitizeHtml("<marquee>5 < 6 & 7</marquee>")).toBe("5 &lt; 6 &amp; 7");
  });
  it("closes unclosed tags and ignores stray closers", () => {
    expect(sanitizeHtml("<p><em>a</p></div>")).toBe("<p><em>a</em></p>");
  });
  it("neutralises iframes, svg and styles with their content", () => {
    expect(
      sanitizeHtml('<iframe src="https://x"></iframe><svg><script>1</script></svg><style>p{}</style>ok'),
    ).toBe("ok");
  });
  it("does not let a broken tag smuggle markup", () => {
    const out = sanitizeHtml('<p title="a>b">x</p><a href="javascript:1">y</a>');
    expect(out).not.toMatch(/javascript|<a/);
  });
});
