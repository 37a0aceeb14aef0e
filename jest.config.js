/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only.
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.ts",
    // The worker's bundle text, inlined by webpack (webpack.config.js); jest has no bundler.
    "^web-worker-bundle$": "<rootDir>/test/support/web-worker-bundle-stub.ts",
  },
  testTimeout: 30000,
};
