import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The platform server (port 3000) answers the API and health checks; the dev server only serves the UI.
const platform = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": platform,
      "/healthz": platform,
      "/readyz": platform,
      "/oidc": platform,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Ant Design is one large vendor chunk by nature; the warning would only be noise.
    chunkSizeWarningLimit: 2000,
  },
});
