/**
 * Server functions: this module runs on the server only. In the browser build each export is
 * replaced by a small function that calls it over HTTP.
 */
'use server';

/** `"use get"`: it only reads, so it may be called with GET (and cached). */
export async function greeting(name: string): Promise<string> {
  'use get';
  return `Hello, ${name}! (from the server, at ${new Date().toISOString().slice(11, 19)} UTC)`;
}
