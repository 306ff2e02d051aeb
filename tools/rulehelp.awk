# Writes src/rulehelp.h from styrdok.1: for every rule explained under
# DIAGNOSTICS (".It Li id" or ".It Li a , b"), its text as plain words,
# for the help of each rule in SARIF output (diag.c).  The man page is
# the one place a rule is explained.
#   awk -f tools/rulehelp.awk styrdok.1 >src/rulehelp.h

function flush(   i, n, id) {
	if (nids == 0)
		return
	gsub(/^ +| +$/, "", text)
	gsub(/\\/, "&&", text)
	gsub(/"/, "\\\\&", text)
	for (i = 1; i <= nids; i++)
		printf "\t{\"%s\", \"%s\"}, \\\n", ids[i], text
	nids = 0
	text = ""
}

# Appends word w; punctuation closes up on the word before it.
function add(w) {
	if (w ~ /^[.,;:)!?]+$/ || text ~ /[(]$/ || glue)
		text = text w
	else
		text = text (text == "" ? "" : " ") w
	glue = 0
}

# Pq encloses the rest of the line, up to trailing punctuation, in
# parentheses (paren: 1 before its first word, 2 inside).
function macro_line(line,   n, i, t, w, wrap, paren) {
	n = split(substr(line, 2), t, " ")
	wrap = ""
	paren = 0
	for (i = 1; i <= n; i++) {
		w = t[i]
		if (w ~ /^(Li|Pa|Sx|Cm|Ar|Ev|Sy|Em|Ql|Nm|Xr|No|Dl|Pp|Bl|El|Ns)$/)
			continue
		if (w == "Fl") { flag = 1; continue }
		if (w == "Pf") { glue_next = 1; continue }
		if (w == "Pq") { paren = 1; continue }
		if (w == "Aq") { wrap = "<>"; continue }
		if (w == "Dq") { wrap = "\"\""; continue }
		if (flag) { w = "-" w; flag = 0 }
		if (wrap != "" && w !~ /^[.,;:)]+$/) {
			w = substr(wrap, 1, 1) w substr(wrap, 2, 1)
			wrap = ""
		}
		if (w ~ /^[.,;:)]+$/ && paren == 2) {
			add(")")
			paren = 0
		} else if (paren == 1) {
			w = "(" w
			paren = 2
		}
		add(w)
		if (glue_next) { glue = 1; glue_next = 0 }
	}
	if (paren == 2)
		add(")")
}

BEGIN {
	print "/* Generated from styrdok.1 by tools/rulehelp.awk: do not edit. */"
	print "#define RULE_HELP \\"
}

/^\.Sh / { flush(); in_diag = ($0 == ".Sh DIAGNOSTICS"); next }
!in_diag { next }
{
	gsub(/\\&/, "")
	gsub(/\\-/, "-")
	gsub(/\\\(em/, "\342\200\224")
	gsub(/\\\(en/, "\342\200\223")
	gsub(/\\`/, "`")
	gsub(/\\e/, "\\")
}
/^\.It Li / {
	flush()
	n = split(substr($0, 8), t, /[ ,]+/)
	for (i = 1; i <= n; i++)
		if (t[i] != "")
			ids[++nids] = t[i]
	next
}
/^\.(El|Ss|Bl|It)( |$)/ { flush(); next }
nids == 0 { next }
/^\./ { macro_line($0); next }
{ n = split($0, t, " "); for (i = 1; i <= n; i++) add(t[i]) }

END {
	flush()
	print "\t{NULL, NULL}"
}
