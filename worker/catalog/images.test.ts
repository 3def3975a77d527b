import { describe, expect, it } from "vitest";
import { IMAGE_KEY_PATTERN, MAX_IMAGE_BYTES, newImageKey, sniffImage } from "./images";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("sniffImage", () => {
  it("recognises PNG and JPEG by magic bytes", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])).type).toBe(
      "image/png",
    );
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])).ext).toBe("jpg");
  });
  it("accepts a plain SVG and refuses scripted or linking ones", () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#fff"/></svg>')).ext).toBe(
      "svg",
    );
    expect(() => sniffImage(bytes("<svg><script>alert(1)</script></svg>"))).toThrow(/脚本/);
    expect(() => sniffImage(bytes('<svg onload="alert(1)"></svg>'))).toThrow(/脚本/);
    expect(() => sniffImage(bytes('<svg><image href="https://evil/x.png"/></svg>'))).toThrow(/外部引用/);
  });
  it("refuses HTML pretending to be an image, empty and oversized files", () => {
    expect(() => sniffImage(bytes("<html><script>1</script></html>"))).toThrow(/仅支持/);
    expect(() => sniffImage(new Uint8Array())).toThrow(/为空/);
    expect(() => sniffImage(new Uint8Array(MAX_IMAGE_BYTES + 1))).toThrow(/5MB/);
  });
  it("makes keys that the serving route accepts", () => {
    expect(newImageKey("png")).toMatch(IMAGE_KEY_PATTERN);
  });
});
