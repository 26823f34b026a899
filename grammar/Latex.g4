// LaTeX display math as lecture notes write it, for checking hand derivations. Pure grammar: the
// meaning of commands (\frac, \log, Greek letters, E_q[...]) is given in stepwise.syntax.
grammar Latex;

body        : row (BREAK row)* EOF ;
row         : expr? (rel expr)* ;
rel         : '=' | '<' | '>' | LEQ | GEQ ;

expr        : sign=('+' | '-')? term (addOp term)* ;
addOp       : '+' | '-' ;
term        : factor (mulOp? factor)* ;
mulOp       : CDOT | TIMES | '*' | '/' ;
factor      : atom (('^' script) | ('_' script))* ;
script      : group | NUMBER | LETTER | COMMAND ;
group       : '{' expr '}' ;

atom        : NUMBER                                               # number
            | FRAC group group                                     # fraction
            | SQRT group                                           # root
            | ('(' | '[' | '\\{') expr (')' | ']' | '\\}')           # parens
            | '|' expr '|'                                         # absolute
            | expectation '[' expr ']'                             # expect
            | bigOp sub=bounds ('^' script)? factor                # big
            | FUNCTION ('(' expr ')' | factor)                     # function
            | KL '(' LETTER separator LETTER ')'                   # divergence
            | name '(' expr ')'                                    # call
            | group                                                # braced
            | name                                                 # symbol
            ;
expectation : 'E' '_' script | BLACKBOARD '{' 'E' '}' '_' script ;
bigOp       : SUM | PROD ;
bounds      : '_' '{' LETTER '=' expr '}' ;
separator   : ',' | PARALLEL ;
name        : LETTER | COMMAND | ROMAN '{' LETTER+ '}' ;

NUMBER       : DIGIT+ ('.' DIGIT+)? ;
SIZING       : ('\\left' | '\\right' | '\\bigl' | '\\bigr' | '\\Bigl' | '\\Bigr' | '\\big' | '\\Big') -> skip ;
SPACING      : ('\\,' | '\\;' | '\\!' | '\\:' | '\\ ' | '\\quad' | '\\qquad' | '&') -> skip ;
FRAC         : '\\frac' | '\\dfrac' | '\\tfrac' ;
SQRT         : '\\sqrt' ;
FUNCTION     : '\\log' | '\\ln' | '\\exp' ;
SUM          : '\\sum' ;
PROD         : '\\prod' ;
CDOT         : '\\cdot' ;
TIMES        : '\\times' ;
LEQ          : '\\leq' | '\\le' ;
GEQ          : '\\geq' | '\\ge' ;
PARALLEL     : '\\|' | '||' | '\\parallel' ;
BLACKBOARD   : '\\mathbb' ;
KL           : 'KL' | '\\mathrm{KL}' | '\\operatorname{KL}' | 'D_{KL}' | 'D_{\\mathrm{KL}}' ;
ROMAN        : '\\mathrm' | '\\operatorname' | '\\text' ;
BREAK        : '\\\\' ;
COMMAND      : '\\' [a-zA-Z]+ ;
LETTER       : [a-zA-Z] ;
WS           : [ \t\r\n]+ -> skip ;
COMMENT      : '%' ~[\r\n]* -> skip ;

fragment DIGIT : [0-9] ;
