import { defineConfig } from 'vite';

// One classic script (IIFE) that registers OmniReach's custom elements. Loaded at runtime by the
// Vaadin UI with Page.addJavaScript("context://frontend-bundle/omni-components.js"); Vaadin's own
// frontend build is never involved. Maven passes --outDir (ui-vaadin's target/classes/...).
export default defineConfig({
  define: { 'process.env.NODE_ENV': '"production"' },
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
  },
});
