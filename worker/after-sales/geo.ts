/** Great-circle distance. Pure. */

export interface LatLng {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in metres: accurate to well under 0.5% at city scale, which is all ranking needs. */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Items nearest to `from` first, each with its distance in whole metres; ties keep their input order. */
export function byDistance<T extends LatLng>(
  items: readonly T[],
  from: LatLng,
): (T & { distanceM: number })[] {
  return items
    .map((item) => ({ ...item, distanceM: Math.round(haversineMeters(from, item)) }))
    .sort((x, y) => x.distanceM - y.distanceM);
}
