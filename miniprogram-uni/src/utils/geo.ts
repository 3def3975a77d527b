/**
 * The shopper's position in GCJ-02, the coordinate system of Chinese maps and of our outlets.
 * WeChat converts for us (type gcj02). In a browser, uni-app's H5 getLocation can only convert through
 * a map vendor's web service with a key (none configured here: it fails even with permission), so H5
 * asks for plain GPS (WGS-84) and converts on the device with the published GCJ-02 offset formula.
 */
export function getGcj02Location(): Promise<{ lat: number; lng: number }> {
  return new Promise((resolve, reject) => {
    // #ifdef H5
    uni.getLocation({
      type: "wgs84",
      success: (r) => resolve(wgs84ToGcj02(r.latitude, r.longitude)),
      fail: reject,
    });
    // #endif
    // #ifndef H5
    uni.getLocation({ type: "gcj02", success: (r) => resolve({ lat: r.latitude, lng: r.longitude }), fail: reject });
    // #endif
  });
}

const A = 6378245.0;
const EE = 0.006693421622965943;

function outOfChina(lat: number, lng: number) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}
function transformLat(x: number, y: number) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function transformLng(x: number, y: number) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 (GPS) → GCJ-02; a few hundred metres in China, unchanged outside it. */
export function wgs84ToGcj02(lat: number, lng: number): { lat: number; lng: number } {
  if (outOfChina(lat, lng)) return { lat, lng };
  let dLat = transformLat(lng - 105, lat - 35);
  let dLng = transformLng(lng - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}
