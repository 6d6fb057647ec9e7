export * from './lifecycle'
export * from './matching'
