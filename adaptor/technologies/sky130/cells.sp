* sky130_io


* Device subcircuits
*

* Library cells
*
.subckt io_tie vdd vss
.ends io_tie

.subckt io_inv_x1 vdd vss i nq
Mnmos vss i nq vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=3.535e-06
Mpmos vdd i nq vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=4.095e-06
.ends io_inv_x1

.subckt io_nor2_x1 vdd vss nq i0 i1
Mi0_nmos vss i0 nq vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=3.535e-06
Mi0_pmos vdd i0 _net0 vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=4.095e-06
Mi1_nmos nq i1 vss vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=3.535e-06
Mi1_pmos _net0 i1 nq vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=4.095e-06
.ends io_nor2_x1

.subckt sky130_LevelUp vdd iovdd vss i o
Mn_i_inv i_n i vss vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=1.46e-06
Mp_i_inv i_n i vdd vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=2.56e-06
Mn_lvld_n vss i lvld_n vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mn_lvld lvld i_n vss vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mp_lvld_n iovdd lvld lvld_n iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.2e-07
Mp_lvld lvld lvld_n iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.2e-07
Mn_lvld_n_inv vss lvld_n o vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mp_lvld_n_inv iovdd lvld_n o iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.4e-06
.ends sky130_LevelUp

.subckt io_nand2_x1 vdd vss nq i0 i1
Mi0_nmos vss i0 _net0 vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=3.535e-06
Mi0_pmos vdd i0 nq vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=4.095e-06
Mi1_nmos _net0 i1 nq vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=3.535e-06
Mi1_pmos nq i1 vdd vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=4.095e-06
.ends io_nand2_x1

.subckt sky130_GateDecode vdd vss iovdd core en ngate pgate
Xtieinst vdd vss io_tie
Xen_inv vdd vss en en_n io_inv_x1
Xngate_nor vdd vss ngate_core core en_n io_nor2_x1
Xngate_levelup vdd iovdd vss ngate_core ngate sky130_LevelUp
Xpgate_nand vdd vss pgate_core core en io_nand2_x1
Xpgate_levelup vdd iovdd vss pgate_core pgate sky130_LevelUp
.ends sky130_GateDecode

.subckt sky130_GuardRing_P632W1550HFF conn
.ends sky130_GuardRing_P632W1550HFF

.subckt sky130_GuardRing_P418W1550HFF conn
.ends sky130_GuardRing_P418W1550HFF

.subckt sky130_GuardRing_N1270W450HTF conn
.ends sky130_GuardRing_N1270W450HTF

.subckt sky130_SecondaryProtection iovdd iovss pad core
RR pad core 2.4100000000e+02 sky130_fd_pr__res_generic_po l=5e-06 w=1e-06
Xguard1 iovss sky130_GuardRing_P632W1550HFF
DDN iovss core sky130_fd_pr__diode_pw2nd_05v5 area=3.6875e-12 pj=1.368e-05
Xguard2 iovss sky130_GuardRing_P418W1550HFF
DDP core iovdd sky130_fd_pr__diode_pd2nw_05v5 area=3.6375e-12 pj=1.12e-05
Xguard3 iovdd sky130_GuardRing_N1270W450HTF
.ends sky130_SecondaryProtection

.subckt sky130_LevelDown vdd vss iovdd iovss pad core
Mn_hvinv vss padres padres_n vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.26e-06
Mp_hvinv vdd padres padres_n vdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=2.45e-06
Mn_lvinv core padres_n vss vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=1.46e-06
Mp_lvinv core padres_n vdd vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=2.56e-06
Xsecondprot iovdd iovss pad padres sky130_SecondaryProtection
.ends sky130_LevelDown

.subckt sky130_Corner vss vdd iovss iovdd
.ends sky130_Corner

.subckt sky130_Filler200 vss vdd iovss iovdd
.ends sky130_Filler200

.subckt sky130_Filler400 vss vdd iovss iovdd
.ends sky130_Filler400

.subckt sky130_Filler1000 vss vdd iovss iovdd
.ends sky130_Filler1000

.subckt sky130_Filler2000 vss vdd iovss iovdd
.ends sky130_Filler2000

.subckt sky130_Filler4000 vss vdd iovss iovdd
.ends sky130_Filler4000

.subckt sky130_Filler10000 vss vdd iovss iovdd
.ends sky130_Filler10000

.subckt sky130_Pad_15800W12000H pad
.ends sky130_Pad_15800W12000H

.subckt sky130_GuardRing_N18000W4468HFF conn
.ends sky130_GuardRing_N18000W4468HFF

.subckt sky130_GuardRing_P17368W3836HFF conn
.ends sky130_GuardRing_P17368W3836HFF

.subckt sky130_Clamp_N32N0D iovss iovdd pad
Mclamp_g0 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g1 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g2 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g3 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g4 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g5 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g6 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g7 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g8 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g9 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g10 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g11 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g12 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g13 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g14 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g15 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g16 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g17 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g18 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g19 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g20 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g21 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g22 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g23 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g24 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g25 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g26 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g27 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g28 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g29 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g30 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g31 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
XOuterRing iovdd sky130_GuardRing_N18000W4468HFF
XInnerRing iovss sky130_GuardRing_P17368W3836HFF
RRoff iovss off 2.3910121212e+03 sky130_fd_pr__res_generic_po l=1.637e-05 w=3.3e-07
.ends sky130_Clamp_N32N0D

.subckt sky130_GuardRing_P18000W8728HFF conn
.ends sky130_GuardRing_P18000W8728HFF

.subckt sky130_GuardRing_N17368W8096HTF conn
.ends sky130_GuardRing_N17368W8096HTF

.subckt sky130_Clamp_P32N0D iovss iovdd pad
Mclamp_g0 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g1 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g2 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g3 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g4 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g5 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g6 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g7 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g8 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g9 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g10 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g11 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g12 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g13 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g14 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g15 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g16 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g17 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g18 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g19 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g20 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g21 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g22 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g23 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g24 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g25 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g26 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g27 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g28 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g29 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g30 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g31 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
XOuterRing iovss sky130_GuardRing_P18000W8728HFF
XInnerRing iovdd sky130_GuardRing_N17368W8096HTF
RRoff iovdd off 5.5021030303e+03 sky130_fd_pr__res_generic_po l=3.767e-05 w=3.3e-07
.ends sky130_Clamp_P32N0D

.subckt sky130_GuardRing_N18000W13312HFF conn
.ends sky130_GuardRing_N18000W13312HFF

.subckt sky130_IOPadVss vss vdd iovss iovdd
Xpad vss sky130_Pad_15800W12000H
Xnclamp iovss iovdd vss sky130_Clamp_N32N0D
Xpclamp iovss iovdd vss sky130_Clamp_P32N0D
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadVss

.subckt sky130_IOPadVdd vss vdd iovss iovdd
Xpad vdd sky130_Pad_15800W12000H
Xnclamp iovss iovdd vdd sky130_Clamp_N32N0D
Xpclamp iovss iovdd vdd sky130_Clamp_P32N0D
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadVdd

.subckt sky130_IOPadIn vss vdd iovss iovdd p2c pad
Xpad pad sky130_Pad_15800W12000H
Xnclamp iovss iovdd pad sky130_Clamp_N32N0D
Xpclamp iovss iovdd pad sky130_Clamp_P32N0D
Xleveldown vdd vss iovdd iovss pad p2c sky130_LevelDown
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadIn

.subckt sky130_Clamp_N32N4D iovss iovdd pad gate
Mclamp_g0 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g1 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g2 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g3 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g4 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g5 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g6 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g7 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g8 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g9 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g10 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g11 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g12 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g13 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g14 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g15 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g16 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g17 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g18 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g19 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g20 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g21 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g22 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g23 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g24 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g25 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g26 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g27 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g28 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g29 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g30 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g31 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
XOuterRing iovdd sky130_GuardRing_N18000W4468HFF
XInnerRing iovss sky130_GuardRing_P17368W3836HFF
DDGATE iovss gate sky130_fd_pr__diode_pw2nd_05v5 area=1.875e-13 pj=2e-06
RRoff iovss off 2.3910121212e+03 sky130_fd_pr__res_generic_po l=1.637e-05 w=3.3e-07
.ends sky130_Clamp_N32N4D

.subckt sky130_Clamp_P32N4D iovss iovdd pad gate
Mclamp_g0 iovdd gate pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g1 pad gate iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g2 iovdd gate pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g3 pad gate iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g4 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g5 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g6 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g7 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g8 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g9 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g10 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g11 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g12 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g13 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g14 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g15 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g16 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g17 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g18 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g19 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g20 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g21 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g22 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g23 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g24 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g25 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g26 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g27 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g28 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g29 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g30 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g31 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
XOuterRing iovss sky130_GuardRing_P18000W8728HFF
XInnerRing iovdd sky130_GuardRing_N17368W8096HTF
DDGATE gate iovdd sky130_fd_pr__diode_pd2nw_05v5 area=1.875e-13 pj=2e-06
RRoff iovdd off 5.5021030303e+03 sky130_fd_pr__res_generic_po l=3.767e-05 w=3.3e-07
.ends sky130_Clamp_P32N4D

.subckt sky130_LevelUpInv vdd iovdd vss i o
Mn_i_inv i_n i vss vss sky130_fd_pr__nfet_01v8__model l=1.5e-07 w=1.46e-06
Mp_i_inv i_n i vdd vdd sky130_fd_pr__pfet_01v8__model l=1.5e-07 w=2.56e-06
Mn_lvld_n vss i_n lvld_n vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mn_lvld lvld i vss vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mp_lvld_n iovdd lvld lvld_n iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.2e-07
Mp_lvld lvld lvld_n iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.2e-07
Mn_lvld_n_inv vss lvld_n o vss sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=2.31e-06
Mp_lvld_n_inv iovdd lvld_n o iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=4.4e-06
.ends sky130_LevelUpInv

.subckt sky130_GateLevelUpInv vdd vss iovdd core ngate pgate
Xngate_levelup vdd iovdd vss core ngate sky130_LevelUpInv
Xpgate_levelup vdd iovdd vss core pgate sky130_LevelUpInv
.ends sky130_GateLevelUpInv

.subckt sky130_IOPadOut vss vdd iovss iovdd c2p pad
Xpad pad sky130_Pad_15800W12000H
Xnclamp iovss iovdd pad ngate sky130_Clamp_N32N4D
Xpclamp iovss iovdd pad pgate sky130_Clamp_P32N4D
Xgatelu vdd vss iovdd c2p ngate pgate sky130_GateLevelUpInv
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadOut

.subckt sky130_IOPadTriOut vss vdd iovss iovdd c2p c2p_en pad
Xpad pad sky130_Pad_15800W12000H
Xnclamp iovss iovdd pad ngate sky130_Clamp_N32N4D
Xpclamp iovss iovdd pad pgate sky130_Clamp_P32N4D
Xgatedec vdd vss iovdd c2p c2p_en ngate pgate sky130_GateDecode
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadTriOut

.subckt sky130_IOPadInOut vss vdd iovss iovdd p2c c2p c2p_en pad
Xpad pad sky130_Pad_15800W12000H
Xnclamp iovss iovdd pad ngate sky130_Clamp_N32N4D
Xpclamp iovss iovdd pad pgate sky130_Clamp_P32N4D
Xgatedec vdd vss iovdd c2p c2p_en ngate pgate sky130_GateDecode
Xleveldown vdd vss iovdd iovss pad p2c sky130_LevelDown
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadInOut

.subckt sky130_IOPadIOVss vss vdd iovss iovdd
Xpad iovss sky130_Pad_15800W12000H
Xnclamp iovss iovdd iovss sky130_Clamp_N32N0D
Xpclamp iovss iovdd iovss sky130_Clamp_P32N0D
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadIOVss

.subckt sky130_Clamp_N32N32D iovss iovdd pad gate
Mclamp_g0 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g1 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g2 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g3 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g4 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g5 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g6 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g7 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g8 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g9 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g10 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g11 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g12 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g13 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g14 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g15 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g16 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g17 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g18 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g19 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g20 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g21 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g22 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g23 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g24 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g25 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g26 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g27 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g28 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g29 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g30 iovss gate pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g31 pad gate iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
XOuterRing iovdd sky130_GuardRing_N18000W4468HFF
XInnerRing iovss sky130_GuardRing_P17368W3836HFF
DDGATE iovss gate sky130_fd_pr__diode_pw2nd_05v5 area=1.875e-13 pj=2e-06
.ends sky130_Clamp_N32N32D

.subckt sky130_RCClampResistor pin1 pin2
Rres_fing[0] pin1 conn_0_1 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[1] conn_0_1 conn_1_2 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[2] conn_1_2 conn_2_3 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[3] conn_2_3 conn_3_4 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[4] conn_3_4 conn_4_5 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[5] conn_4_5 conn_5_6 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[6] conn_5_6 conn_6_7 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[7] conn_6_7 conn_7_8 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[8] conn_7_8 conn_8_9 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[9] conn_8_9 conn_9_10 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[10] conn_9_10 conn_10_11 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[11] conn_10_11 conn_11_12 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[12] conn_11_12 conn_12_13 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[13] conn_12_13 conn_13_14 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[14] conn_13_14 conn_14_15 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[15] conn_14_15 conn_15_16 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[16] conn_15_16 conn_16_17 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[17] conn_16_17 conn_17_18 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[18] conn_17_18 conn_18_19 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[19] conn_18_19 conn_19_20 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[20] conn_19_20 conn_20_21 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[21] conn_20_21 conn_21_22 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[22] conn_21_22 conn_22_23 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[23] conn_22_23 conn_23_24 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[24] conn_23_24 conn_24_25 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[25] conn_24_25 conn_25_26 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[26] conn_25_26 conn_26_27 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[27] conn_26_27 conn_27_28 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[28] conn_27_28 conn_28_29 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[29] conn_28_29 conn_29_30 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[30] conn_29_30 conn_30_31 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[31] conn_30_31 conn_31_32 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[32] conn_31_32 conn_32_33 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[33] conn_32_33 conn_33_34 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[34] conn_33_34 conn_34_35 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[35] conn_34_35 conn_35_36 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[36] conn_35_36 conn_36_37 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[37] conn_36_37 conn_37_38 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[38] conn_37_38 conn_38_39 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[39] conn_38_39 conn_39_40 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[40] conn_39_40 conn_40_41 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[41] conn_40_41 conn_41_42 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[42] conn_41_42 conn_42_43 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[43] conn_42_43 conn_43_44 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[44] conn_43_44 conn_44_45 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
Rres_fing[45] conn_44_45 pin2 8.4715151515e+03 sky130_fd_pr__res_generic_po l=5.8e-05 w=3.3e-07
.ends sky130_RCClampResistor

.subckt sky130_GuardRing_P18000W3888HFT conn
.ends sky130_GuardRing_P18000W3888HFT

.subckt sky130_GuardRing_N8666W2488HTT conn
.ends sky130_GuardRing_N8666W2488HTT

.subckt sky130_RCClampInverter supply ground in out
Mcapmos0 ground in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=1e-05 w=1.4e-05
Mcapmos1 ground in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=1e-05 w=1.4e-05
Mcapmos2 ground in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=1e-05 w=1.4e-05
Mcapmos3 ground in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=1e-05 w=1.4e-05
Mcapmos4 ground in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=1e-05 w=1.4e-05
Mnmos0 ground in out ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos1 out in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos2 ground in out ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos3 out in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos4 ground in out ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos5 out in ground ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Mnmos6 ground in out ground sky130_fd_pr__nfet_g5v0d10v5__model l=5e-07 w=1.4e-05
Xnmosguardring ground sky130_GuardRing_P18000W3888HFT
Mpmos0 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos1 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos2 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos3 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos4 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos5 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos6 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos7 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos8 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos9 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos10 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos11 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos12 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos13 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos14 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos15 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos16 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos17 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos18 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos19 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos20 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos21 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos22 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos23 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos24 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos25 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos26 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos27 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos28 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos29 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos30 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos31 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos32 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos33 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos34 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos35 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos36 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos37 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos38 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos39 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos40 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos41 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos42 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos43 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos44 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos45 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos46 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos47 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos48 supply in out supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Mpmos49 out in supply supply sky130_fd_pr__pfet_g5v0d10v5__model l=5e-07 w=7e-06
Xpmosguardring supply sky130_GuardRing_N8666W2488HTT
.ends sky130_RCClampInverter

.subckt sky130_IOPadIOVdd vss vdd iovss iovdd
Xpad iovdd sky130_Pad_15800W12000H
Xnclamp iovss iovdd iovdd ngate sky130_Clamp_N32N32D
Xrcres iovdd res_cap sky130_RCClampResistor
Xrcinv iovdd iovss res_cap ngate sky130_RCClampInverter
Xpad_guard iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadIOVdd

.subckt sky130_Clamp_N12N0D iovss iovdd pad
Mclamp_g0 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g1 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g2 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g3 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g4 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g5 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g6 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g7 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g8 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g9 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g10 iovss off pad iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
Mclamp_g11 pad off iovss iovss sky130_fd_pr__nfet_g5v0d10v5__model l=6e-07 w=1.69e-05
XOuterRing iovdd sky130_GuardRing_N18000W4468HFF
XInnerRing iovss sky130_GuardRing_P17368W3836HFF
RRoff iovss off 2.3910121212e+03 sky130_fd_pr__res_generic_po l=1.637e-05 w=3.3e-07
.ends sky130_Clamp_N12N0D

.subckt sky130_Clamp_P12N0D iovss iovdd pad
Mclamp_g0 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g1 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g2 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g3 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g4 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g5 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g6 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g7 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g8 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g9 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g10 iovdd off pad iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
Mclamp_g11 pad off iovdd iovdd sky130_fd_pr__pfet_g5v0d10v5__model l=6e-07 w=3.82e-05
XOuterRing iovss sky130_GuardRing_P18000W8728HFF
XInnerRing iovdd sky130_GuardRing_N17368W8096HTF
RRoff iovdd off 5.5021030303e+03 sky130_fd_pr__res_generic_po l=3.767e-05 w=3.3e-07
.ends sky130_Clamp_P12N0D

.subckt sky130_IOPadAnalog vss vdd iovss iovdd pad padres
Xpad pad sky130_Pad_15800W12000H
Xnclamp iovss iovdd pad sky130_Clamp_N12N0D
Xpclamp iovss iovdd pad sky130_Clamp_P12N0D
Xsecondprot iovdd iovss pad padres sky130_SecondaryProtection
Xpad_guardring iovss sky130_GuardRing_N18000W13312HFF
.ends sky130_IOPadAnalog

.subckt sky130_Gallery vdd vss iovdd iopadin_pad iopadout_pad iopadtriout_pad iopadinout_pad iopadin_p2c iopadinout_p2c iopadout_c2p iopadtriout_c2p iopadinout_c2p iopadtriout_c2p_en iopadinout_c2p_en ana_out ana_outres
Xcorner vss vdd vss iovdd sky130_Corner
Xfiller200 vss vdd vss iovdd sky130_Filler200
Xfiller400 vss vdd vss iovdd sky130_Filler400
Xfiller1000 vss vdd vss iovdd sky130_Filler1000
Xfiller2000 vss vdd vss iovdd sky130_Filler2000
Xfiller4000 vss vdd vss iovdd sky130_Filler4000
Xfiller10000 vss vdd vss iovdd sky130_Filler10000
Xiopadvss vss vdd vss iovdd sky130_IOPadVss
Xiopadvdd vss vdd vss iovdd sky130_IOPadVdd
Xiopadin vss vdd vss iovdd iopadin_p2c iopadin_pad sky130_IOPadIn
Xiopadout vss vdd vss iovdd iopadout_c2p iopadout_pad sky130_IOPadOut
Xiopadtriout vss vdd vss iovdd iopadtriout_c2p iopadtriout_c2p_en iopadtriout_pad sky130_IOPadTriOut
Xiopadinout vss vdd vss iovdd iopadinout_p2c iopadinout_c2p iopadinout_c2p_en iopadinout_pad sky130_IOPadInOut
Xiopadiovss vss vdd vss iovdd sky130_IOPadIOVss
Xiopadiovdd vss vdd vss iovdd sky130_IOPadIOVdd
Xiopadanalog vss vdd vss iovdd ana_out ana_outres sky130_IOPadAnalog
Xcorner2 vss vdd vss iovdd sky130_Corner
.ends sky130_Gallery

