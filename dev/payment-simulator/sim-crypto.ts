// The simulator's own crypto, on node:crypto — deliberately not the worker's Web Crypto code, so the
// tests check our client against an independent implementation of each protocol.

import type { KeyObject } from "node:crypto";
import { createCipheriv, createPrivateKey, createPublicKey, randomBytes, sign, verify } from "node:crypto";

const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function privateKey(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    privateKeys.set(pem, key);
  }
  return key;
}

function publicKey(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    publicKeys.set(pem, key);
  }
  return key;
}

/** SHA256withRSA (PKCS#1 v1.5), Base64. */
export function rsaSign(privatePem: string, message: string): string {
  return sign("sha256", Buffer.from(message, "utf8"), privateKey(privatePem)).toString("base64");
}

export function rsaVerify(publicPem: string, message: string, signatureB64: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureB64)) return false;
  return verify(
    "sha256",
    Buffer.from(message, "utf8"),
    publicKey(publicPem),
    Buffer.from(signatureB64, "base64"),
  );
}

/** WeChat AEAD_AES_256_GCM: Base64(ciphertext ‖ 16-byte tag). */
export function aesGcmEncrypt(key: string, nonce: string, associatedData: string, plaintext: string): string {
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(key, "utf8"), Buffer.from(nonce, "utf8"));
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const encrypted = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return encrypted.toString("base64");
}

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export function randomString(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHANUM[b % ALPHANUM.length]).join("");
}

export function randomDigits(length: number): string {
  return Array.from(randomBytes(length), (b) => String(b % 10)).join("");
}
