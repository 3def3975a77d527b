import { createApp } from "vue";
import App from "./App.vue";
import { router } from "./router";
import "./styles.css";
// ElMessage / ElMessageBox are called from scripts (imported explicitly), so their CSS is imported here;
// components used in templates get theirs on demand from unplugin-vue-components.
import "element-plus/es/components/message/style/css";
import "element-plus/es/components/message-box/style/css";

createApp(App).use(router).mount("#app");
