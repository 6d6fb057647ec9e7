import v8 from 'node:v8'
v8.setFlagsFromString(process.argv[2] ?? '--max-old-space-size=150')
await import('./iso.mts')
