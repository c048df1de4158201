# Recall probe, Korean: prose lines of ko pages where a glossary term with a
# Korean rendering is left in English (not as the parenthesis of a first
# use, not in code, links or shortcodes) and the line lacks the rendering.
# Each must be a finding of that term in the unit (the finding's line is
# the unit's start: within 5 lines above).
#
# Not counted: a table cell that is the term alone (| NetworkPolicy |).
# The only ones are the KIND column of the resource table in
# reference/kubectl/_index.md: the output of `kubectl api-resources`,
# the value a manifest's `kind:` field takes. The Korean guide
# (localization_ko.md, "API 오브젝트 용어 한글화 방침") keeps in English
# what readers type into configuration files or command lines ("API
# 오브젝트의 필드 이름, 파일 이름, 경로와 같은 내용은 ... 한글로 옮기지 않고
# 원문을 유지한다"), and the team's own table keeps every kind in English,
# Pod and Service too, which its glossary always writes 파드 and 서비스.
# They are listed apart as literal cells.
import json, os, re, collections
terms = {'Docker':'도커','Prometheus':'프로메테우스','Calico':'캘리코','Cilium':'실리움','Istio':'이스티오',
         'Flannel':'플란넬','Romana':'로마나','NetworkPolicy':'네트워크폴리시','ControllerRevision':'컨트롤러리비전','TokenReview':'토큰리뷰'}
found = collections.defaultdict(list)
for f in json.load(open(__import__('sys').argv[1]))['findings']:
    found[(f['file'], f['term'])].append(f['line'])
hit=collections.Counter(); miss=collections.Counter(); missed=[]; literal=[]
for root,_,files in os.walk('k8s/content/ko'):
    for fn in files:
        if not fn.endswith('.md'): continue
        p=os.path.join(root,fn); rel=os.path.relpath(p,'k8s')
        lines=open(p,encoding='utf-8').read().split('\n'); fence=None; fm=0
        for i,line in enumerate(lines):
            s=line.strip()
            if i==0 and s=='---': fm=1; continue
            if fm==1:
                if s=='---': fm=2
                continue
            m=re.match(r'(`{3,}|~{3,})',s)
            if fence:
                if m and s.startswith(fence): fence=None
                continue
            if m: fence=m.group(1); continue
            t=re.sub(r'`[^`]*`',' ',line); t=re.sub(r'\]\([^)]*\)',']',t); t=re.sub(r'\{\{[<%].*?[%>]\}\}',' ',t)
            t=re.sub(r'https?://\S+',' ',t); t=re.sub(r'<[^>]*>',' ',t)
            for w,ko in terms.items():
                for mm in re.finditer(r'(?<![A-Za-z0-9_./-])'+w+r'(?![A-Za-z0-9_/-])',t):
                    if t[mm.start()-1:mm.start()]=='(' : continue   # 도커(Docker): a first use
                    if re.match(r'\s+[A-Z]', t[mm.end():]): continue   # a longer name: Docker Desktop, Flannel VXLAN
                    if ko in line: continue
                    if s.startswith('|') and any(c.strip()==w for c in line.split('|')):
                        literal.append((rel,i+1,w)); continue
                    if any(i+1-5 <= l <= i+1 for l in found[(rel,w)]): hit[w]+=1
                    else: miss[w]+=1; missed.append((rel,i+1,w,line.strip()[:90]))
tot=sum(hit.values())+sum(miss.values())
for w in terms: print(f'{w}: {hit[w]} of {hit[w]+miss[w]}')
print(f'total: {sum(hit.values())} of {tot} = {100*sum(hit.values())/max(tot,1):.1f}%')
print(f'literal cells, not counted: {len(literal)}', *(f'{r}:{l} {w}' for r,l,w in literal))
for x in missed[:40]: print('MISSED',*x)
