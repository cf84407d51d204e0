// Stylesheets in cascade order: frame, features, then the 长辈版 and print overrides.
import "./app/app.css";
import "./portal/portal.css";
import "./tools/tools.css";
import "./login/login.css";
import "./account/account.css";
import "./workbench/workbench.css";
import "./admin/admin.css";
import "./elderly/elderly.css";
import "./app/print.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { applyElderlyClass, storedElderlyMode } from "./elderly/elderly-mode.tsx";
import { startI18n } from "./i18n/i18n.ts";

// Apply remembered preferences before the first paint, so neither the language nor 长辈版 flickers.
applyElderlyClass(storedElderlyMode());
const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

void startI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
