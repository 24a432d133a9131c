#!/usr/bin/env python3
# Code bytes per function of a .wasm with a name section (wasm-opt -O2 -g), summed by module path
# (BENCHMARKS.md, "The runtime, smaller"). python3 scripts/wasm-sizes.py FILE [DEPTH] [REGEX]:
# DEPTH path segments per group (2), or with REGEX every matching function, largest first.
import sys, re, collections
def leb(b,i):
    r=s=0
    while True:
        x=b[i]; i+=1; r|=(x&0x7f)<<s; s+=7
        if x<0x80: return r,i
def parse(path):
    b=open(path,'rb').read(); i=8; nimp=0; sizes=[]; names={}
    while i<len(b):
        sid=b[i]; i+=1; n,i=leb(b,i); end=i+n; j=i
        if sid==2:
            c,j=leb(b,j)
            for _ in range(c):
                l,j=leb(b,j); j+=l; l,j=leb(b,j); j+=l; k=b[j]; j+=1
                if k==0: _,j=leb(b,j); nimp+=1
                elif k==1: j+=1; f=b[j]; j+=1; _,j=leb(b,j); 
                elif k==2:
                    f=b[j]; j+=1; _,j=leb(b,j)
                    if f&1: _,j=leb(b,j)
                elif k==3: j+=2
                if k==1 and f&1: _,j=leb(b,j)
        elif sid==10:
            c,j=leb(b,j)
            for _ in range(c):
                l,j=leb(b,j); sizes.append(l); j+=l
        elif sid==0:
            l,j=leb(b,j); nm=b[j:j+l].decode(); j+=l
            if nm=='name':
                while j<end:
                    st=b[j]; j+=1; sl,j=leb(b,j); se=j+sl
                    if st==1:
                        c,j=leb(b,j)
                        for _ in range(c):
                            idx,j=leb(b,j); l,j=leb(b,j); names[idx]=b[j:j+l].decode('utf8','replace'); j+=l
                    j=se
        i=end
    return [(names.get(nimp+k,'?%d'%k),s) for k,s in enumerate(sizes)]
def dem(n):
    m=re.match(r'_ZN(.*)E$',n)
    if not m: return n
    s=m.group(1); parts=[]; i=0
    while i<len(s) and s[i].isdigit():
        j=i
        while s[j].isdigit(): j+=1
        l=int(s[i:j]); parts.append(s[j:j+l]); i=j+l
    if parts and re.match(r'h[0-9a-f]{16}$',parts[-1]): parts=parts[:-1]
    p='::'.join(parts)
    for a,b2 in [('$LT$','<'),('$GT$','>'),('$u20$',' '),('$RF$','&'),('..','::'),('$C$',','),('$u7b$','{'),('$u7d$','}'),('$BP$','*'),('$u5b$','['),('$u5d$',']')]: p=p.replace(a,b2)
    return p
def key(n,depth):
    d=dem(n)
    # impl blocks: <a::b::C as x::Y>::f -> take type path of first
    m=re.match(r'<+([^ >]+)',d)
    base = m.group(1) if m else d
    base=base.lstrip('_<&*')
    return '::'.join(base.split('::')[:depth])
fs=parse(sys.argv[1]); depth=int(sys.argv[2]) if len(sys.argv)>2 else 2
if len(sys.argv)>3:
    pat=sys.argv[3]
    for n,s in sorted(fs,key=lambda x:-x[1]):
        if re.search(pat,dem(n)): print(s,dem(n)[:200])
    sys.exit()
agg=collections.Counter()
for n,s in fs: agg[key(n,depth)]+=s
print('total',sum(s for _,s in fs),'funcs',len(fs))
for k,v in agg.most_common(40): print(v,k)
