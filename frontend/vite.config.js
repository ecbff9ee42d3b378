import { defineConfig } from 'vite';

// One classic script (IIFE) that registers OmniReach's custom elements. Loaded at runtime by the
// Vaadin UI with Page.addJavaScript("context://frontend-bundle/omni-components.js"); Vaadin's own
// frontend build is never involved. Maven passes --outDir (ui-vaadin's target/classes/...).
export default defineConfig({
  define: { 'process.env.NODE_ENV': '"production"' },
  // JSX without a React plugin: esbuild's automatic runtime (react/jsx-runtime).
  esbuild: { jsx: 'automatic' },
  build: {
    lib: {
      entry: 'src/main.js',
      formats: ['iife'],
      name: 'OmniComponents',
      fileName: () => 'omni-components.js',
    },
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    reportCompressedSize: false,
    rollupOptions: {
      // React Flow's "use client" (for server components) means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
});
