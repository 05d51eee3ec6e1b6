/** The auth module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { signIn } from './sign-in.ts';
