// Summarise a V8 .cpuprofile: self time by function and by package/file, and inclusive time for named functions.
const fs = require('fs');
const p = JSON.parse(fs.readFileSync(process.argv[2]));
const top = +(process.argv[3] || 30);
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of (n.children || [])) parent.set(c, n.id);
const dt = p.timeDeltas; const samples = p.samples;
const self = new Map(); let total = 0;
for (let i = 0; i < samples.length; i++) { const d = dt[i] || 0; total += d; self.set(samples[i], (self.get(samples[i]) || 0) + d); }
const fn = n => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/^file:\/\//,'')}:${n.callFrame.lineNumber}`;
const mod = n => { const u = n.callFrame.url; if (!u) return n.callFrame.functionName; const m = u.match(/node_modules\/((@[^/]+\/)?[^/]+)(\/dist\/src\/([^/]+\/[^/]+))?/); return m ? (m[1] + (m[4] ? '/' + m[4] : '')) : u.replace(/^node:/, 'node:').split('/').slice(-2).join('/'); };
const agg = (key) => { const m = new Map(); for (const [id, t] of self) { const k = key(byId.get(id)); m.set(k, (m.get(k) || 0) + t); } return [...m].sort((a, b) => b[1] - a[1]); };
const idle = [...self].filter(([id]) => ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id).callFrame.functionName));
console.log(`total ${(total / 1e6).toFixed(2)} s sampled; ` + idle.map(([id, t]) => `${byId.get(id).callFrame.functionName} ${(t / 1e6).toFixed(2)} s`).join(', '));
console.log('--- self time by function');
for (const [k, t] of agg(fn).slice(0, top)) console.log((t / 1e6).toFixed(3).padStart(8), k);
console.log('--- self time by module');
for (const [k, t] of agg(mod).slice(0, top)) console.log((t / 1e6).toFixed(3).padStart(8), k);
// inclusive by function name (counted once per sample stack)
const incl = new Map();
for (let i = 0; i < samples.length; i++) { const d = dt[i] || 0; const seen = new Set(); let id = samples[i]; while (id !== undefined) { const k = fn(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + d); } id = parent.get(id); } }
console.log('--- inclusive by function');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log((t / 1e6).toFixed(3).padStart(8), k);
