/**
 * A self-contained API docs page (no CDN: it must work offline). It renders the OpenAPI document
 * as a list of operations with their parameters and request schemas.
 */
/** The API docs page; its one inline script carries `nonce` (see nonceCsp). */
export function docsPage(specUrl: string, nonce: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>家电商城 API 文档</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f7f9;color:#1f2329}
header{background:#e4393c;color:#fff;padding:16px 24px}h1{margin:0;font-size:20px}
main{max-width:980px;margin:0 auto;padding:16px}
details{background:#fff;border-radius:8px;margin:8px 0;box-shadow:0 1px 2px #0001}
summary{cursor:pointer;padding:10px 14px;display:flex;gap:10px;align-items:center}
.m{font:600 12px monospace;padding:2px 8px;border-radius:4px;color:#fff;min-width:52px;text-align:center}
.get{background:#2f80ed}.post{background:#27ae60}.put{background:#f2994a}.patch{background:#9b51e0}.delete{background:#eb5757}
code{font-family:ui-monospace,monospace}pre{background:#f3f4f6;padding:10px;overflow:auto;margin:0 14px 14px;border-radius:6px}
h2{font-size:15px;margin:20px 0 4px;color:#555}.lock{color:#999}
</style></head><body><header><h1>家电商城 API</h1><div id="desc"></div></header><main id="ops">加载中…</main>
<script nonce="${nonce}">
const esc=(s)=>String(s).replace(/[&<>"']/g,(c)=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]));
fetch(${JSON.stringify(specUrl)}).then(r=>r.json()).then(spec=>{
  document.getElementById("desc").textContent=spec.info.description||"";
  const groups={};
  for(const [path,ops] of Object.entries(spec.paths||{}))for(const [method,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||"other";(groups[tag]=groups[tag]||[]).push({path,method,op});}
  let html="";
  for(const [tag,list] of Object.entries(groups)){
    html+="<h2>"+esc(tag)+"</h2>";
    for(const {path,method,op} of list){
      const params=(op.parameters||[]).map(p=>esc(p.in)+" <code>"+esc(p.name)+"</code>"+(p.required?" *":"")).join("，");
      const body=op.requestBody&&op.requestBody.content&&op.requestBody.content["application/json"];
      html+="<details><summary><span class='m "+method+"'>"+method.toUpperCase()+"</span><code>/api"+esc(path.replace(/^\\/api/,""))+"</code> "+esc(op.summary||"")+(op.security?" <span class='lock'>🔒</span>":"")+"</summary>"
        +(params?"<pre>"+params+"</pre>":"")+(body?"<pre>"+esc(JSON.stringify(body.schema,null,2))+"</pre>":"")+"</details>";
    }
  }
  document.getElementById("ops").innerHTML=html;
}).catch(e=>{document.getElementById("ops").textContent="无法加载 API 文档："+e});
</script></body></html>`;
}
