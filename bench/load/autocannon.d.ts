// autocannon ships no types; the benchmark uses only its callback API.
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>, done: (err: Error | null, result: never) => void): unknown;
  export default autocannon;
}
