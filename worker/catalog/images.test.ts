import { describe, expect, it } from "vitest";
import { IMAGE_KEY_PATTERN, MAX_IMAGE_BYTES, newImageKey, sniffImage } from "./images";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("sniffImage", () => {
  it("recognises PNG and JPEG by magic bytes", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).type).toBe(
      "image/png",
    );
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).ext).toBe("jpg");
  });
  it("accepts a plain SVG and returns it rebuilt", () => {
    const r = sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#fff"/></svg>'));
    expect(r.ext).toBe("svg");
    expect(text(r.bytes)).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#fff"/></svg>');
  });
  it("accepts an Illustrator-style SVG (XML declaration, comment, DOCTYPE)", () => {
    const r = sniffImage(
      bytes(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style type="text/css">.st0{fill:#E4393C;}</style><path class="st0" d="M0 0h10v10z"/></svg>',
      ),
    );
    expect(text(r.bytes)).toBe(
      '<svg version="1.1" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg"><style type="text/css">.st0{fill:#E4393C;}</style><path class="st0" d="M0 0h10v10z"/></svg>',
    );
  });
  it("refuses HTML pretending to be an image, empty and oversized files", () => {
    expect(() => sniffImage(bytes("<html><script>1</script></html>"))).toThrow(/仅支持/);
    expect(() => sniffImage(bytes("<svg><g></svg>"))).toThrow(/格式不正确/);
    expect(() => sniffImage(new Uint8Array())).toThrow(/为空/);
    expect(() => sniffImage(new Uint8Array(MAX_IMAGE_BYTES + 1))).toThrow(/5MB/);
  });
  it("makes keys that the serving route accepts", () => {
    expect(newImageKey("png")).toMatch(IMAGE_KEY_PATTERN);
  });
});
