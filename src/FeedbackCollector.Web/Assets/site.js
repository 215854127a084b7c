(function(){
var d=document,h=d.documentElement;
d.querySelectorAll('textarea[maxlength]').forEach(function(t){
var c=d.getElementById(t.id+'-count');if(!c)return;
var tpl=c.getAttribute('data-tpl'),m=t.maxLength;
function u(){c.textContent=tpl.replace('{0}',t.value.length).replace('{1}',m)}
t.addEventListener('input',u);u();});
if('speechSynthesis' in window&&window.SpeechSynthesisUtterance){
d.querySelectorAll('[data-read]').forEach(function(el){
var b=d.createElement('button');b.type='button';b.className='say';b.textContent='\uD83D\uDD0A '+h.getAttribute('data-say');
var k=el.querySelector('legend,label,h2');if(k&&k.id)b.setAttribute('aria-describedby',k.id);
b.addEventListener('click',function(){
speechSynthesis.cancel();
var s=el.innerText.replace(b.textContent,''),l=el.closest('[lang]')||h;
var u=new SpeechSynthesisUtterance(s);u.lang=l.getAttribute('lang')||'en';u.rate=.9;speechSynthesis.speak(u);});
var first=el.querySelector('.opts,textarea,p,ul');el.insertBefore(b,first||null);});}
var f=d.querySelector('form[data-once]');
if(f)f.addEventListener('submit',function(){var s=f.querySelector('button[type=submit]');
setTimeout(function(){s.disabled=true;s.textContent=s.getAttribute('data-busy')},0);});
var e=d.querySelector('.errors');if(e)e.focus();
})();
