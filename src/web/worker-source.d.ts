/** The worker's bundle as text (webpack.config.js builds it with esbuild, asset/source). */
declare module "web-worker-bundle" {
  const source: string;
  export default source;
}
