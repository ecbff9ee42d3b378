// <omni-chart>: an Apache ECharts chart as a custom element.
//   option  (property) the ECharts option, an object or a JSON string
//           strings "var(--some-css-property)" are resolved against the element's computed style,
//           so charts can follow the tenant's Lumo colours
//   theme   (attribute) "dark" or "light"; without it the page decides: Lumo's theme="dark" on
//           <html>, else prefers-color-scheme
// Events: "chart-item-click" with detail {id, name, series} when a data item that has an id (e.g. a
//         node of a graph series) is clicked.
// The chart renders into a child div (no shadow DOM) and follows the element's size.
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function resolveVars(value, style) {
  if (typeof value === 'string') {
    const m = /^var\((--[\w-]+)\)$/.exec(value.trim());
    return m ? style.getPropertyValue(m[1]).trim() || value : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => resolveVars(v, style));
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value)) {
      out[k] = resolveVars(value[k], style);
    }
    return out;
  }
  return value;
}

export class OmniChart extends HTMLElement {
  static get observedAttributes() {
    return ['theme'];
  }

  constructor() {
    super();
    this._option = null;
    this._chart = null;
    this._themeName = null;
    this._onScheme = () => this._render(true);
  }

  get option() {
    return this._option;
  }

  set option(value) {
    this._option = typeof value === 'string' ? JSON.parse(value) : value;
    this._render(false);
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this._host) {
      this._host = document.createElement('div');
      this._host.style.width = '100%';
      this._host.style.height = '100%';
      this._host.style.minHeight = 'inherit';
      this.appendChild(this._host);
    }
    this._resizer = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resizer.observe(this);
    darkQuery && darkQuery.addEventListener('change', this._onScheme);
    this._htmlObserver = new MutationObserver(() => this._render(true));
    this._htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    this._render(true);
  }

  disconnectedCallback() {
    this._resizer && this._resizer.disconnect();
    this._htmlObserver && this._htmlObserver.disconnect();
    darkQuery && darkQuery.removeEventListener('change', this._onScheme);
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  attributeChangedCallback() {
    this._render(true);
  }

  _theme() {
    const own = this.getAttribute('theme');
    if (own === 'dark' || own === 'light') {
      return own;
    }
    const page = document.documentElement.getAttribute('theme') || '';
    if (page.split(/\s+/).includes('dark')) {
      return 'dark';
    }
    return darkQuery && darkQuery.matches ? 'dark' : 'light';
  }

  _render(themeMayChange) {
    if (!this._host || !this.isConnected) {
      return;
    }
    const theme = this._theme();
    if (this._chart && themeMayChange && theme !== this._themeName) {
      this._chart.dispose();
      this._chart = null;
    }
    if (!this._chart) {
      this._themeName = theme;
      this._chart = echarts.init(this._host, theme === 'dark' ? 'dark' : null, { renderer: 'canvas' });
      this._chart.on('click', (p) => {
        if (p.data && p.data.id != null) {
          const detail = { id: String(p.data.id), name: p.name, series: p.seriesType };
          this.dispatchEvent(new CustomEvent('chart-item-click', { detail, bubbles: false }));
        }
      });
    }
    if (this._option) {
      const style = getComputedStyle(this);
      const option = Object.assign({ backgroundColor: 'transparent' }, resolveVars(this._option, style));
      this._chart.setOption(option, true);
    }
    this.dispatchEvent(new CustomEvent('chart-rendered', { bubbles: false }));
  }
}
