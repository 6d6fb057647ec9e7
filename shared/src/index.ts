import "./zod-setup"
export * from './regions'
export * from './roles'
export * from './errors'
export * from './id-number'
export * from './schemas/common'
export * from './schemas/health'
export * from './schemas/region'
export * from './schemas/auth'
