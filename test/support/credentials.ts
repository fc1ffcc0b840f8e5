/**
 * The credentials the test emulators accept and the test clients send. Long and distinctive, so
 * that a leak anywhere in an error or an answer is found by a substring search.
 */

export const TOKEN = "cc-secret-token-5d41402abc4b2a76b9719d911017c592";
export const API_KEY = "oa-secret-key-7215ee9c7d9dc229d2921a40e899ec5f";
/** The only customer the CarCutter emulator serves. */
export const CUSTOMER = "test-customer";
export const SECRETS = [TOKEN, API_KEY] as const;
