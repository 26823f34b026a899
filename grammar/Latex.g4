// LaTeX display math as lecture notes write it, for checking hand derivations. Pure grammar: the
// meaning of commands (\frac, \log, Greek letters, E_q[...], letter runs such as RF) is given in
// stepwise.syntax. Annotations (\text{by linearity}, \label, \tag, trailing punctuation) are blanked
// before parsing by LatexCleaner, and each row of a display is parsed on its own.
grammar Latex;

line        : row EOF ;
row         : expr? (rel expr)* ;
rel         : '=' | '<' | '>' | LEQ | GEQ | APPROX | DEFINE ;

// Signs may repeat (--x, a - -b) and follow a written operator (2 \times -3), never a juxtaposition.
expr        : ('+' | '-')* term (('+' | '-')+ term)* ;
term        : factor (mulOp ('+' | '-')* factor | factor)* ;
mulOp       : CDOT | TIMES | DIVIDE | '*' | '/' ;
factor      : atom (('^' script) | ('_' script) | PRIME)* ;
script      : group | NUMBER | LETTER | E | COMMAND | INFTY ;
group       : '{' expr '}' ;

atom        : NUMBER                                                          # number
            | FRAC fracArg fracArg                                            # fraction
            | FRAC_DIGITS                                                     # digitFraction
            | SQRT fracArg                                                    # root
            | open=('(' | '[' | LBRACE) expr close=(')' | ']' | RBRACE)       # parens
            | BAR expr BAR                                                    # absolute
            | LFLOOR expr RFLOOR                                              # floor
            | LCEIL expr RCEIL                                                # ceil
            | expectation ('[' expr ']' | LBRACE expr RBRACE | '(' expr ')')  # expect
            | bigOp lower? ('^' script)? ('+' | '-')* term                    # big
            | INT intLimits expr differential                                 # integral
            | FUNCTION ('_' script)? ('^' script)? factor                     # function
            | EXTREMUM ('_' script)? ('(' expr (',' expr)* ')')?              # extremum
            | divergence ('(' | '[') klArg separator klArg (')' | ']')       # kl
            | name ('_' script)? ('(' | '[') args (')' | ']')                 # call
            | INFTY                                                           # infinity
            | group                                                           # braced
            | name                                                            # symbol
            ;
fracArg     : group | NUMBER | LETTER | E | COMMAND ;
args        : expr ((BAR | MID | ';') expr)? (',' expr)* ;
expectation : (E | BLACKBOARD '{' E '}' | ROMAN '{' E '}') ('_' subscript)? ;
subscript   : LETTER | E | COMMAND | '{' anyTokens '}' ;
anyTokens   : (~('{' | '}') | '{' anyTokens '}')* ;
bigOp       : SUM | PROD ;
lower       : '_' (LETTER | COMMAND | '{' (LETTER | COMMAND) (('=' expr) | (IN LBRACE expr (',' expr)* RBRACE))? '}') ;
intLimits   : ('_' script)? ('^' script)? | '^' script '_' script ;
differential: (LETTER | ROMAN '{' LETTER '}') (LETTER | COMMAND) ;
divergence  : KL | ROMAN '{' KL '}' | LETTER '_' (KL | '{' KL '}' | '{' ROMAN '{' KL '}' '}') ;
klArg       : name+ ('_' script)? ('(' anyParens ')')? ;
anyParens   : (~('(' | ')') | '(' anyParens ')')* ;
separator   : ',' | PARALLEL | MID MID | BAR BAR ;
name        : LETTER | E | KL | COMMAND | BOLD '{' (LETTER | E | COMMAND) '}' | CAL '{' (LETTER | E) '}'
            | ROMAN '{' (LETTER | E | KL)+ '}' | ACCENT ('{' (LETTER | E | COMMAND) '}' | LETTER | COMMAND) ;

NUMBER       : DIGIT+ ('.' DIGIT+)? ;
SIZING       : ('\\left' | '\\right' | '\\middle' | ('\\big' | '\\Big' | '\\bigg' | '\\Bigg') [lrm]?) -> skip ;
SPACING      : ('\\,' | '\\;' | '\\!' | '\\:' | '\\ ' | '\\quad' | '\\qquad' | '&' | '\\limits' | '\\nolimits'
             | '\\displaystyle' | '\\textstyle') -> skip ;
FRAC_DIGITS  : ('\\frac' | '\\dfrac' | '\\tfrac') ' '* DIGIT DIGIT ;
FRAC         : '\\frac' | '\\dfrac' | '\\tfrac' | '\\cfrac' ;
SQRT         : '\\sqrt' ;
FUNCTION     : '\\log' | '\\ln' | '\\exp' ;
EXTREMUM     : '\\max' | '\\min' ;
BAR          : '|' | '\\vert' | '\\lvert' | '\\rvert' ;
SUM          : '\\sum' ;
PROD         : '\\prod' ;
INT          : '\\int' ;
INFTY        : '\\infty' ;
CDOT         : '\\cdot' ;
TIMES        : '\\times' ;
DIVIDE       : '\\div' ;
LEQ          : '\\leq' | '\\le' | '\\leqslant' ;
GEQ          : '\\geq' | '\\ge' | '\\geqslant' ;
APPROX       : '\\approx' | '\\simeq' ;
DEFINE       : ':=' | '\\coloneqq' | '\\triangleq' | '\\equiv' ;
IN           : '\\in' ;
MID          : '\\mid' ;
LBRACE       : '\\{' | '\\lbrace' ;
RBRACE       : '\\}' | '\\rbrace' ;
LFLOOR       : '\\lfloor' ;
RFLOOR       : '\\rfloor' ;
LCEIL        : '\\lceil' ;
RCEIL        : '\\rceil' ;
PARALLEL     : '\\|' | '||' | '\\parallel' | '\\Vert' ;
BLACKBOARD   : '\\mathbb' ;
CAL          : '\\mathcal' ;
BOLD         : '\\mathbf' | '\\boldsymbol' | '\\bm' | '\\mathit' | '\\mathsf' ;
ACCENT       : '\\hat' | '\\widehat' | '\\bar' | '\\overline' | '\\tilde' | '\\widetilde' ;
KL           : 'KL' ;
E            : 'E' ;
ROMAN        : '\\mathrm' | '\\operatorname' | '\\operatorname*' | '\\text' | '\\textrm' | '\\textnormal' | '\\mbox' ;
PRIME        : '\'' ;
COMMAND      : '\\' [a-zA-Z]+ ;
LETTER       : [a-zA-Z] ;
WS           : [ \t\r\n]+ -> skip ;
COMMENT      : '%' ~[\r\n]* -> skip ;

fragment DIGIT : [0-9] ;
