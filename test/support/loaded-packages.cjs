// Preloaded into a child process (NODE_OPTIONS=--require): on SIGUSR2, prints the packages whose
// CommonJS modules are loaded, one JSON line, so a test can see what start-up loaded.
process.on("SIGUSR2", () => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(file);
    if (match)
      packages.add(
        match[2] === "index.js" || match[2] === "lib/index.js" ? `${match[1]} (index)` : match[1],
      );
  }
  process.stdout.write(`LOADED ${JSON.stringify([...packages].sort())}\n`);
});
