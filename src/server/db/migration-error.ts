/** A migration that could not be applied: start-up stops with this message. */
export class MigrationError extends Error {}
