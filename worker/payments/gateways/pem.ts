// Key handling on Web Crypto only (runs in workerd): PEM/DER, RSA SHA256 sign/verify, base64.
// WeChat and Alipay consoles hand out keys in several shapes (PKCS#8 or PKCS#1 private keys,
// SPKI public keys, X.509 platform certificates, bare base64 without armour); all are accepted.

import { base64ToBytes, bytesToBase64 } from "../../shared/base64url";

const RSA_SHA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export const base64Encode = bytesToBase64;

/** Throws `TypeError` on invalid base64. */
export function base64Decode(b64: string): Uint8Array {
  try {
    return base64ToBytes(b64);
  } catch {
    throw new TypeError("invalid base64");
  }
}

export function randomHex(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Strips PEM armour (or accepts bare base64). `label` is "" for bare base64. */
export function pemToDer(pem: string): { label: string; der: Uint8Array } {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  const label = match?.[1] ?? "";
  const body = (match ? match[2]! : pem).replace(/\s+/g, "");
  if (body === "") throw new TypeError("empty key");
  return { label, der: base64Decode(body) };
}

export function derToPem(der: Uint8Array, label: string): string {
  const lines = base64Encode(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

// --- Minimal DER reader/writer: just enough to tell key formats apart and re-wrap them. ---

interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  let lengthByte = der[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new TypeError("truncated DER");
  let contentStart = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new TypeError("unsupported DER length");
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = der[contentStart + i];
      if (lengthByte === undefined) throw new TypeError("truncated DER");
      length = length * 256 + lengthByte;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw new TypeError("truncated DER");
  return { tag, start: offset, contentStart, end };
}

function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

function derEncode(tag: number, content: Uint8Array): Uint8Array {
  const len = content.length;
  const lengthBytes =
    len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : null;
  if (!lengthBytes) throw new TypeError("key too large");
  const out = new Uint8Array(1 + lengthBytes.length + len);
  out.set([tag, ...lengthBytes]);
  out.set(content, 1 + lengthBytes.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OID = 0x06;
// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }
const RSA_ALGORITHM_ID = derEncode(
  SEQUENCE,
  Uint8Array.of(OID, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00),
);

function topLevelChildren(der: Uint8Array): Tlv[] {
  const root = readTlv(der, 0);
  if (root.tag !== SEQUENCE || root.end !== der.length) throw new TypeError("not a DER SEQUENCE");
  return childrenOf(der, root);
}

/** PKCS#8 PrivateKeyInfo from PKCS#8 or PKCS#1 (RSAPrivateKey) DER. */
export function toPkcs8(der: Uint8Array): Uint8Array {
  const kids = topLevelChildren(der);
  if (kids[1]?.tag === SEQUENCE) return der; // PKCS#8: version, AlgorithmIdentifier, OCTET STRING
  if (kids[1]?.tag !== INTEGER) throw new TypeError("not an RSA private key");
  return derEncode(SEQUENCE, concat(Uint8Array.of(INTEGER, 1, 0), RSA_ALGORITHM_ID, derEncode(0x04, der)));
}

/** SubjectPublicKeyInfo from SPKI, PKCS#1 (RSAPublicKey) or X.509 certificate DER. */
export function toSpki(der: Uint8Array): Uint8Array {
  const kids = topLevelChildren(der);
  const first = kids[0];
  if (!first) throw new TypeError("empty key");
  if (first.tag === INTEGER) {
    return derEncode(SEQUENCE, concat(RSA_ALGORITHM_ID, derEncode(0x03, concat(Uint8Array.of(0), der))));
  }
  if (first.tag !== SEQUENCE) throw new TypeError("not an RSA public key");
  const inner = childrenOf(der, first);
  if (inner[0]?.tag === OID) return der; // SPKI: AlgorithmIdentifier, BIT STRING
  // Certificate: tbsCertificate = [0] version?, serial, signature, issuer, validity, subject, SPKI, …
  const spki = inner[(inner[0]?.tag === 0xa0 ? 1 : 0) + 5];
  if (spki?.tag !== SEQUENCE) throw new TypeError("certificate without subjectPublicKeyInfo");
  return der.slice(spki.start, spki.end);
}

// Imported keys live for the isolate: providers are cheap to build per request, key parsing is not.
// Keyed by the key material itself, so a rotated secret simply gets a new entry.
const keyCache = new Map<string, Promise<CryptoKey>>();

function cachedKey(cacheKey: string, load: () => Promise<CryptoKey>): Promise<CryptoKey> {
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = load();
    keyCache.set(cacheKey, key);
    key.catch(() => keyCache.delete(cacheKey)); // a failed import must not stick
  }
  return key;
}

/** PKCS#8 or PKCS#1 private key (PEM or bare base64), for SHA256withRSA signing. Cached per isolate. */
export function importRsaPrivateKey(pem: string): Promise<CryptoKey> {
  return cachedKey(`rsa-private:${pem}`, async () =>
    crypto.subtle.importKey("pkcs8", toPkcs8(pemToDer(pem).der), RSA_SHA256, false, ["sign"]),
  );
}

/** SPKI, PKCS#1 public key or X.509 certificate (PEM or bare base64), for verifying. Cached per isolate. */
export function importRsaPublicKey(pem: string): Promise<CryptoKey> {
  return cachedKey(`rsa-public:${pem}`, async () =>
    crypto.subtle.importKey("spki", toSpki(pemToDer(pem).der), RSA_SHA256, false, ["verify"]),
  );
}

/** Raw AES-GCM key from UTF-8 text (WeChat APIv3 key). Cached per isolate. */
export function importAesGcmKey(secret: string): Promise<CryptoKey> {
  return cachedKey(`aes-gcm:${secret}`, async () =>
    crypto.subtle.importKey("raw", utf8(secret), "AES-GCM", false, ["decrypt"]),
  );
}

/** SHA256withRSA (PKCS#1 v1.5) over the UTF-8 message, Base64. */
export async function rsaSign(key: CryptoKey, message: string): Promise<string> {
  return base64Encode(new Uint8Array(await crypto.subtle.sign(RSA_SHA256, key, utf8(message))));
}

/** False (never throws) for malformed signatures. */
export async function rsaVerify(key: CryptoKey, message: string, signatureB64: string): Promise<boolean> {
  let signature: Uint8Array;
  try {
    signature = base64Decode(signatureB64);
  } catch {
    return false;
  }
  return crypto.subtle.verify(RSA_SHA256, key, signature, utf8(message));
}
