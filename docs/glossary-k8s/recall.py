# Recall probe: every place a listed wrong variant appears in the prose of
# the ja pages (fenced code, inline code, link targets, HTML comments and
# shortcode arguments removed; katakana boundaries as a reader sees them)
# must be a finding at that file and line. (クラスタリング, clustering, is another word.)
import json, os, re, collections
terms = {  # wrong variant -> (finding rule, term name or rule name)
 'クラスタ': 'cluster', 'サーバ': 'server', 'ユーザ': 'user', 'パラメータ': 'parameter',
 'スケジューラ': 'scheduler', 'プロバイダ': 'provider', 'ポッド': 'Pod',
 'メモリー': None, 'ライブラリー': None, 'リポジトリー': None,
}
kata = re.compile(r'[\u30A0-\u30FF]')
found = collections.defaultdict(set)
for f in json.load(open(__import__('sys').argv[1]))['findings']:
    found[(f['file'], f['line'])].add(f['found'])
hits = collections.Counter(); miss = collections.Counter(); missed = []
for root, _, files in os.walk('k8s/content/ja'):
    for fn in files:
        if not fn.endswith('.md'): continue
        p = os.path.join(root, fn); rel = os.path.relpath(p, 'k8s')
        lines = open(p, encoding='utf-8').read().split('\n')
        fence = None; fm = 0
        for i, line in enumerate(lines):
            s = line.strip()
            if i == 0 and s == '---': fm = 1; continue
            if fm == 1:
                if s == '---': fm = 2
                elif not re.match(r'\s*(title|linkTitle|description|summary)\s*:', line): continue
            m = re.match(r'(`{3,}|~{3,})', s)
            if fence:
                if m and s.startswith(fence): fence = None
                continue
            if m: fence = m.group(1); continue
            if line.startswith('    ') and not s.startswith(('-', '*', '1')): continue
            t = re.sub(r'`[^`]*`', ' ', line)
            t = re.sub(r'\]\([^)]*\)', ']', t)
            t = re.sub(r'<!--.*?-->', ' ', t)
            t = re.sub(r'\{\{[<%].*?[%>]\}\}', ' ', t)
            t = re.sub(r'https?://\S+', ' ', t)
            for w in terms:
                for mm in re.finditer(re.escape(w), t):
                    a, b = mm.start(), mm.end()
                    nxt = t[b:b+1]; prv = t[a-1:a]
                    if terms[w] is None:   # spelling: the whole katakana word ends here
                        if nxt and kata.match(nxt): continue
                        word = w
                    else:
                        # the kana guard, and a longer katakana word (クラスタリング is clustering)
                        if nxt in ('ー','ァ','ィ','ゥ','ェ','ォ','ッ','ャ','ュ','ョ') or t[b:b+3] == 'リング': continue  # the kana guard; クラスタリング is clustering
                    if any(w in x for x in found[(rel, i+1)]): hits[w] += 1
                    else: miss[w] += 1; missed.append((rel, i+1, w, line.strip()[:100]))
tot = sum(hits.values()) + sum(miss.values())
for w in terms: print(f'{w}: {hits[w]} of {hits[w]+miss[w]} reported')
print(f'total: {sum(hits.values())} of {tot} = {100*sum(hits.values())/max(tot,1):.1f}%')
for x in missed[:30]: print('MISSED', *x)
