/** Time comes from here so tests can move it (idle timeouts, escalations, due dates). */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

export class ManualClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current)
  }
  set(d: Date | string): void {
    this.current = new Date(d)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}
