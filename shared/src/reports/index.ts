export * from './permissions'
export * from './ledger-template'
export * from './deadlines'
