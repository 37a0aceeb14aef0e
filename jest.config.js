/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only.
    "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.ts",
  },
  testTimeout: 30000,
};
