#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Writes a synthetic styrdok project, deterministically (seeded), for
`make bench`.  Scale 16 is the size the benchmark is specified at: 10,000
systems in the register, 2,000 risk rows, 48 documents of 30 sections
with Markdown prose and requirements, and 10,000 people in the staff list;
scale 1 and 4 are 1/16 and 1/4 of it.

usage: generate.py DIR SCALE
       generate.py DIR docs N      N small documents (3 sections each)
       generate.py DIR policy      one policy-sized document, also as
                                   DocBook 5 (policy.dbk) and Markdown
                                   (policy.md), for the comparisons
"""
import os
import random
import sys

out = sys.argv[1]
mode = sys.argv[2] if sys.argv[2] in ('docs', 'policy') else 'scale'
scale = int(sys.argv[2]) if mode == 'scale' else 1
rnd = random.Random(20261128 + scale)
NS = 'urn:styrdok:1'
systems_n = 625 * scale
risk_rows = 125 * scale
docs_n = 3 * scale
staff_n = 625 * scale
words = ('information system kommunen ska skydda behörighet klassning risk '
         'kontinuitet drift incident användare nämnd förvaltning avtal '
         'säkerhetskopia lösenord åtkomst ägare ansvar rutin plan').split()


def sentence(n=12):
    w = [rnd.choice(words) for _ in range(n)]
    return (' '.join(w)).capitalize() + '.'


def write(path, text):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


roles = ['it-chef', 'systemagare', 'anvandare', 'narmaste-chef']
write('policies/organisation.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<organisation xmlns="{NS}" id="benchkommun">
  <name>Benchkommun</name>
  <office-hours>Vardagar 08.00–16.30</office-hours>
  <organs>
    <organ id="KF" kind="fullmaktige">Kommunfullmäktige</organ>
    <organ id="KS" kind="styrelse">Kommunstyrelsen</organ>
    <organ id="KSAU" kind="utskott" parent="KS">Arbetsutskottet</organ>
  </organs>
  <adoption>
    <allow type="policy" kinds="fullmaktige"/>
    <allow type="instruktion" kinds="styrelse"/>
  </adoption>
  <roles>
''' + ''.join(f'''    <role id="{r}"><name>{r}</name><holder>Någon</holder><prose>- {sentence()}</prose></role>
''' for r in roles) + '''  </roles>
</organisation>
''')



def small_documents(n):
    """n documents of 3 short sections: many documents, little text."""
    for d in range(n):
        body = ''.join(f'''    <section id="d{d}-s{s}">
      <title>Avsnitt {s}</title>
      <prose>{sentence(12)}</prose>
      <requirement id="d{d}-s{s}-r0" role="it-chef">
        <statement>Kommunen ska {rnd.choice(words)}.</statement>
      </requirement>
    </section>
''' for s in range(3))
        write(f'policies/documents/doc{d:05d}.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="{NS}" id="doc{d:05d}" type="instruktion">
  <meta>
    <title>Dokument {d}</title><version>1.0</version><status>utkast</status>
    <decision organ="KS"/><owner role="it-chef"/>
    <applies-to>Alla.</applies-to><review-by>2028-12-31</review-by>
  </meta>
  <history><revision version="1.0" date="2026-11-20" author="it-chef">Ny.</revision></history>
  <body>
{body}  </body>
</document>
''')


def policy():
    """One policy-sized document, 30 sections of 4 paragraphs and a
    list, as a styrdok source, a DocBook 5 article and Markdown: the
    same text for styrdok, DocBook XSL and pandoc."""
    secs = []
    for s in range(30):
        paras = [sentence(24) for _ in range(4)]
        items = [(sentence(4), sentence(6)) for _ in range(3)]
        secs.append((f'Avsnitt {s + 1} om {rnd.choice(words)}', paras, items))
    md_secs = ''.join('## %s\n\n%s\n\n%s\n\n' % (t, '\n\n'.join(ps),
                      '\n'.join(f'- *{a}* {b}' for a, b in its))
                      for t, ps, its in secs)
    src = ''.join(f'''    <section id="s{i}">
      <title>{t}</title>
      <prose>
{chr(10).join(p + chr(10) for p in ps)}
{chr(10).join(f'- *{a}* {b}' for a, b in its)}
      </prose>
    </section>
''' for i, (t, ps, its) in enumerate(secs))
    write('policies/documents/policy.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="{NS}" id="policy" type="policy">
  <meta>
    <title>Informationssäkerhetspolicy</title><version>1.0</version>
    <status>utkast</status><decision organ="KF"/><owner role="it-chef"/>
    <applies-to>Alla.</applies-to><review-by>2028-12-31</review-by>
  </meta>
  <history><revision version="1.0" date="2026-11-20" author="it-chef">Ny.</revision></history>
  <body>
{src}  </body>
</document>
''')
    dbk = ''.join('''  <section>
    <title>%s</title>
%s    <itemizedlist>
%s    </itemizedlist>
  </section>
''' % (t, ''.join(f'    <para>{p}</para>\n' for p in ps),
        ''.join(f'      <listitem><para><emphasis>{a}</emphasis> {b}</para></listitem>\n'
                for a, b in its)) for t, ps, its in secs)
    write('policy.dbk', f'''<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="sv">
  <info><title>Informationssäkerhetspolicy</title></info>
{dbk}</article>
''')
    write('policy.md', '# Informationssäkerhetspolicy\n\n' + md_secs)


if mode == 'docs':
    small_documents(int(sys.argv[3]))
    sys.exit(0)
if mode == 'policy':
    policy()
    sys.exit(0)

for d in range(docs_n):
    sections = []
    for s in range(30):
        reqs = ''.join(f'''      <requirement id="d{d}-s{s}-r{r}" role="{rnd.choice(roles)}">
        <statement>{sentence(8)} Kommunen ska {rnd.choice(words)}.</statement>
      </requirement>
''' for r in range(2))
        prose = '\n\n'.join(sentence(20) for _ in range(3))
        sections.append(f'''    <section id="d{d}-s{s}">
      <title>Avsnitt {s} {rnd.choice(words)}</title>
      <prose>
{prose}

- {sentence(6)}
- *{sentence(5)}* med **betoning**
      </prose>
{reqs}    </section>
''')
    write(f'policies/documents/doc{d:03d}.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="{NS}" id="doc{d:03d}" type="instruktion">
  <meta>
    <title>Dokument {d}</title>
    <version>1.0</version>
    <status>utkast</status>
    <decision organ="KS"/>
    <owner role="it-chef"/>
    <applies-to>Alla.</applies-to>
    <review-by>2028-12-31</review-by>
  </meta>
  <history><revision version="1.0" date="2026-11-20" author="it-chef">Ny.</revision></history>
  <body>
{''.join(sections)}  </body>
</document>
''')

systems = []
for i in range(systems_n):
    prio = i % 10 == 0
    systems.append(f'''  <system id="sys{i}" prioritised="{'yes' if prio else 'no'}" outside-hours="no">
    <name>System {i}</name><purpose>{sentence(6)}</purpose><committee organ="KS"/>
    <owner>Ägare {i}</owner><administrator contact="a@x.se">Admin {i}</administrator>
    <operator kind="own"/><classification k="1" r="2" t="{3 if prio else 1}" date="2025-06-01"/>
''' + (f'''    <max-downtime hours="24"/><ups needed="yes"/><continuity plan="kp{i}"/><operations-agreement date="2026-01-10"/>
''' if prio else '') + '''    <access-review date="2026-06-01"/>
  </system>
''')
    if prio:
        write(f'policies/registers/kp/kp{i}.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<continuity-plan xmlns="{NS}" id="kp{i}" system="sys{i}" date="2026-05-01">
  <fallback><prose>{sentence()}</prose></fallback>
  <restore-order><step>{sentence(4)}</step></restore-order>
  <contacts restricted="yes"><contact role="IT">Jour</contact></contacts>
  <exercise date="2026-09-01">Skrivbordsövning.</exercise>
</continuity-plan>
''')
write('policies/registers/systems.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<systems xmlns="{NS}" id="systemforteckning" example="yes">
  <title>Systemförteckning</title>
  <updated>2026-11-01</updated>
{''.join(systems)}</systems>
''')

prio_ids = [i for i in range(systems_n) if i % 10 == 0]
for a, sysid in enumerate(prio_ids):
    rows = risk_rows // len(prio_ids) + (1 if a < risk_rows % len(prio_ids) else 0)
    risks = ''.join(f'''  <risk id="ra{sysid}-{r}" probability="{rnd.randint(1, 4)}" consequence="{rnd.randint(1, 2)}" status="open">
    <description>{sentence(6)}</description><impact>{sentence(5)}</impact>
  </risk>
''' for r in range(max(rows, 1)))
    write(f'policies/registers/ra/ra{sysid}.xml', f'''<?xml version="1.0" encoding="UTF-8"?>
<risk-analysis xmlns="{NS}" id="ra{sysid}" system="sys{sysid}" date="2026-03-01">
  <participants>Ägare och IT.</participants>
  <scale levels="4" threshold="9">
    <probability level="1">Låg</probability><probability level="2">Medel</probability>
    <probability level="3">Hög</probability><probability level="4">Mycket hög</probability>
    <consequence level="1">Liten</consequence><consequence level="2">Måttlig</consequence>
    <consequence level="3">Stor</consequence><consequence level="4">Allvarlig</consequence>
  </scale>
{risks}</risk-analysis>
''')

with open(os.path.join(out, 'staff.csv'), 'w', encoding='utf-8') as f:
    f.write('Anställningsnummer;Namn;Enhet;Befattning\n')
    for i in range(staff_n):
        f.write(f'{100000 + i};Person {i} Åström;Enhet {i % 40};Handläggare\n')
