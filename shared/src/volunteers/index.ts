export * from './options'
export * from './acceptances'
export * from './lifecycle'
export * from './completeness'
