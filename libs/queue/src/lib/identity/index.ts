export * from './credential-secret';
export * from './identity-keys';
export * from './revocation-notice';
export * from './scoped-credential-store';
export * from './session-store';
export * from './token-signing-secret';
export * from './user-store';
