/**
 * Encryption at rest for ID numbers, phones and addresses (PIPL sensitive personal information).
 * AES-256-GCM with the key id inside each ciphertext ("keyId:iv:tag:data", base64 parts), so keys
 * can rotate: the first key encrypts, every configured key decrypts. Lookups go through a *keyed*
 * HMAC blind index — a plain hash of an 18-digit ID number is brute-forceable.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

export interface DataKey {
  id: string
  key: Buffer // 32 bytes
}

export class Keyring {
  private readonly byId: Map<string, Buffer>
  constructor(
    private readonly keys: DataKey[],
    private readonly blindKey: Buffer,
  ) {
    if (keys.length === 0) throw new Error('at least one data key is required')
    for (const k of keys) if (k.key.length !== 32) throw new Error(`data key ${k.id} must be 32 bytes`)
    this.byId = new Map(keys.map((k) => [k.id, k.key]))
  }

  get activeKeyId(): string {
    return this.keys[0]!.id
  }

  encrypt(plain: string): string {
    const { id, key } = this.keys[0]!
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return [id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':')
  }

  decrypt(sealed: string): string {
    const [id, iv, tag, data] = sealed.split(':')
    const key = id ? this.byId.get(id) : undefined
    if (!key || !iv || !tag || data === undefined) throw new Error('ciphertext has an unknown key id or bad format')
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
  }

  /**
   * Binary sealing for files (generated exports): the same AES-256-GCM with the active key, laid
   * out as [key-id length][key id][iv 12][tag 16][data] so a file piece needs no base64.
   */
  sealBytes(plain: Uint8Array): Buffer {
    const { id, key } = this.keys[0]!
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const data = Buffer.concat([cipher.update(plain), cipher.final()])
    const keyId = Buffer.from(id, 'utf8')
    return Buffer.concat([Buffer.of(keyId.length), keyId, iv, cipher.getAuthTag(), data])
  }

  openBytes(sealed: Uint8Array): Buffer {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    const idEnd = 1 + buf[0]!
    const key = this.byId.get(buf.subarray(1, idEnd).toString('utf8'))
    if (!key) throw new Error('sealed bytes have an unknown key id')
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(idEnd, idEnd + 12))
    decipher.setAuthTag(buf.subarray(idEnd + 12, idEnd + 28))
    return Buffer.concat([decipher.update(buf.subarray(idEnd + 28)), decipher.final()])
  }

  /** Key id of a ciphertext, to find rows still sealed with an old key. */
  static keyIdOf(sealed: string): string {
    return sealed.slice(0, sealed.indexOf(':'))
  }

  /** Deterministic keyed index for equality lookups (64 hex chars). */
  blindIndex(value: string): string {
    return createHmac('sha256', this.blindKey).update(value.trim().toUpperCase()).digest('hex')
  }
}

export function parseDataKeys(spec: string): DataKey[] {
  return spec.split(',').map((part) => {
    const [id, b64] = part.split(':')
    return { id: id!, key: Buffer.from(b64!, 'base64') }
  })
}

export function randomKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`
}
