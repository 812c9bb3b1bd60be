"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger" });
