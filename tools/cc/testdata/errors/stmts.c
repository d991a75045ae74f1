/* Statement errors. */
int f(int n)
{
	int i = 0;
	break/* ERROR "break statement not within loop or switch" */;
	continue/* ERROR "continue statement not within a loop" */;
	case/* ERROR "'case' label not within a switch statement" */ 1:
	switch (n) {
	case 1:
	case 1/* ERROR "duplicate case value 1" */:
		continue/* ERROR "continue statement not within a loop" */;
	case n/* ERROR "case label does not reduce to an integer constant" */:
		break;
	default:
	default/* ERROR "multiple default labels in one switch" */:
		break;
	}
	switch (f/* ERROR "switch quantity not an integer" */) {
	}
	goto nowhere/* ERROR "label 'nowhere' used but not defined" */;
dup:
dup/* ERROR "duplicate label 'dup'" */:
	return i;
}

int syntax(int n)
{
	int a = (1 + ;/* ERROR "expected expression, found ';'" */
	n = n + */* ERROR "invalid type argument of unary '\*'" */ 2;
	if (n) {
		n = 3 4/* ERROR "expected ';', found '4'" */;
	}
	for (n = 0; n < 3; n++ {/* ERROR "expected '\)', found '{'" */
	}
	return n;
}

int after(void)
{
	return 1 2/* ERROR "expected ';', found '2'" */;
}

int missing_semicolon(int n)
{
	n = n + 1/* ERROR "expected ';' before '}'" */
}

int unterminated(void)
{/* ERROR "unterminated block" */
	return 0;
