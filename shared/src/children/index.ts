export * from './enums'
export * from './age'
export * from './eligibility'
export * from './display'
