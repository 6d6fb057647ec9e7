// One place for React Query keys so invalidation after sign-in/out hits exactly what it should.
export const queryKeys = {
  personas: ['dev', 'personas'] as const,
  me: ['me'] as const,
}
