/* Preprocessor and parser errors are reported together. */
#define CALL(f) f(
#bogus/* ERROR "invalid preprocessing directive #bogus" */
int a = 1 +;/* ERROR "expected expression, found ';'" */
#if 1 / /* ERROR "division by zero in #if" */ 0
#endif
int b = undefined_name/* ERROR "'undefined_name' undeclared" */;
