/**
 * Where a background export's file waits for its download: in PostgreSQL, in pieces of 256 KiB,
 * each sealed with the data key (AES-256-GCM) — the file holds the same ID numbers and phones the
 * columns hold encrypted, so it is encrypted at rest too. A table rather than DATA_DIR: any server
 * process (API or worker, one machine or several) can serve it, and the file goes when its row
 * goes (the purge job, one hour after the link was made).
 *
 * Writing waits for each piece's INSERT before taking more, so a slow database slows the
 * generator (backpressure) instead of filling memory.
 */
import { Readable, Writable } from 'node:stream'
import type { Db } from '../../db/prisma'
import type { Keyring } from '../../lib/crypto'
import * as repo from './repository'

/** 256 KiB: small enough that a piece in flight (plain, sealed, and as the INSERT's parameter) costs little memory. */
export const PIECE_BYTES = 256 * 1024

export class SealedPieceWriter extends Writable {
  private parts: Buffer[] = []
  private size = 0
  private seq = 0
  bytes = 0

  constructor(
    private readonly prisma: Db,
    private readonly keyring: Keyring,
    private readonly exportId: string,
  ) {
    super({ highWaterMark: PIECE_BYTES })
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.parts.push(chunk)
    this.size += chunk.length
    this.bytes += chunk.length
    if (this.size < PIECE_BYTES) return done()
    this.flushPiece().then(() => done(), done)
  }

  override _final(done: (err?: Error | null) => void): void {
    this.flushPiece().then(() => done(), done)
  }

  private async flushPiece(): Promise<void> {
    if (this.size === 0) return
    const plain = Buffer.concat(this.parts)
    this.parts = []
    this.size = 0
    const sealed = this.keyring.sealBytes(plain)
    await repo.insertChunk(this.prisma, this.exportId, this.seq++, new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength) as Uint8Array<ArrayBuffer>)
  }
}

/** The file again, piece by piece (one piece in memory at a time). */
export function readPieces(prisma: Db, keyring: Keyring, exportId: string, count: number): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; seq < count; seq++) {
        const piece = await repo.readChunk(prisma, exportId, seq)
        if (!piece) throw new Error(`export ${exportId} is missing piece ${seq}`)
        yield keyring.openBytes(piece.data)
      }
    })(),
    { objectMode: false },
  )
}
