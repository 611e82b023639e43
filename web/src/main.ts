import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n, locale } from './i18n'
import './style.css'

document.documentElement.lang = locale()
createApp(App).use(i18n).use(router).mount('#app')
