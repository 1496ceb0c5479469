// Types for scripts/lib/dovecot.mjs (used by the tests and bench/fetch.mjs).
export declare const DOVECOT: string | undefined;
export declare function dovecotMissing(): string | undefined;
export declare function freePort(): Promise<number>;
export interface Dovecot {
  host: string;
  port: number;
  plainPort: number;
  dir: string;
  users: Array<{ user: string; password: string }>;
  certFile: string;
  log(): string;
  commandsSent(user: string): string[];
  addMessage(user: string, bytes: Uint8Array, opts?: { date?: Date; seen?: boolean; folder?: string }): string;
  mailFiles(user: string, folder?: string): string[];
  dropIndexes(user: string, folder?: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}
export declare function startDovecot(opts?: { users?: Array<{ user: string; password: string }> }): Promise<Dovecot>;
