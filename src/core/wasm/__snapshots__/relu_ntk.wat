(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $relu_ntk_f64 (export "relu_ntk_f64") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32)
    (local $l7 i32) (local $l8 i32) (local $l9 i32) (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 v128) (local $l14 v128) (local $l15 v128) (local $l16 v128) (local $l17 v128) (local $l18 v128) (local $l19 v128) (local $l20 v128) (local $l21 v128) (local $l22 v128)
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.tee $l7
        local.get $p3
        i32.ge_s
        br_if $B0
        local.get $l7
        local.get $p1
        i32.add
        local.set $l8
        local.get $l8
        local.get $p3
        i32.gt_s
        if $I2
          local.get $p3
          local.set $l8
        end
        block $B3
          loop $L4
            local.get $l7
            local.get $l8
            i32.ge_s
            br_if $B3
            local.get $p4
            local.set $l10
            local.get $p6
            if $I5
              local.get $l7
              i32.const 1
              i32.add
              local.set $l10
              local.get $l10
              local.get $p4
              i32.gt_s
              if $I6
                local.get $p4
                local.set $l10
              end
            end
            local.get $l10
            i32.const -2
            i32.and
            local.set $l11
            local.get $p2
            local.get $l7
            local.get $p5
            i32.mul
            i32.const 8
            i32.mul
            i32.add
            local.set $l12
            i32.const 0
            local.set $l9
            block $B7
              local.get $l9
              local.get $l11
              i32.ge_s
              br_if $B7
              loop $L8
                local.get $l12
                v128.load
                local.set $l13
                local.get $l13
                f64.const 0x1p+0 (;=1;)
                f64x2.splat
                f64x2.min
                f64.const -0x1p+0 (;=-1;)
                f64x2.splat
                f64x2.max
                local.set $l13
                local.get $l13
                f64x2.abs
                local.set $l15
                local.get $l15
                f64.const 0x1p-1 (;=0.5;)
                f64x2.splat
                f64x2.lt
                local.set $l19
                local.get $l13
                local.get $l13
                f64x2.mul
                f64.const 0x1p+0 (;=1;)
                f64x2.splat
                local.get $l15
                f64x2.sub
                f64.const 0x1p-1 (;=0.5;)
                f64x2.splat
                f64x2.mul
                local.get $l19
                v128.bitselect
                local.set $l16
                f64.const 0x1.23de10dfdf709p-15 (;=3.47933e-05;)
                f64x2.splat
                local.get $l16
                f64x2.mul
                f64.const 0x1.9efe07501b288p-11 (;=0.000791535;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const -0x1.48228b5688f3bp-5 (;=-0.0400555;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const 0x1.9c1550e884455p-3 (;=0.201213;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const -0x1.4d61203eb6f7dp-2 (;=-0.325566;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const 0x1.5555555555555p-3 (;=0.166667;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const 0x1.3b8c5b12e9282p-4 (;=0.0770382;)
                f64x2.splat
                local.get $l16
                f64x2.mul
                f64.const -0x1.6066c1b8d0159p-1 (;=-0.688284;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const 0x1.02ae59c598ac8p+1 (;=2.02095;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const -0x1.33a271c8a2d4bp+1 (;=-2.40339;)
                f64x2.splat
                f64x2.add
                local.get $l16
                f64x2.mul
                f64.const 0x1p+0 (;=1;)
                f64x2.splat
                f64x2.add
                f64x2.div
                local.set $l17
                local.get $l16
                f64x2.sqrt
                local.set $l18
                f64.const 0x1.921fb54442d18p+0 (;=1.5708;)
                f64x2.splat
                local.get $l13
                f64.const 0x1.1a62633145c07p-54 (;=6.12323e-17;)
                f64x2.splat
                local.get $l13
                local.get $l17
                f64x2.mul
                f64x2.sub
                f64x2.sub
                f64x2.sub
                local.set $l21
                local.get $l18
                local.get $l17
                f64x2.mul
                local.set $l22
                local.get $l18
                local.get $l22
                f64x2.add
                f64.const 0x1p+1 (;=2;)
                f64x2.splat
                f64x2.mul
                f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
                f64x2.splat
                local.get $l18
                local.get $l22
                f64x2.add
                f64.const 0x1.1a62633145c07p-54 (;=6.12323e-17;)
                f64x2.splat
                f64x2.sub
                f64.const 0x1p+1 (;=2;)
                f64x2.splat
                f64x2.mul
                f64x2.sub
                local.get $l13
                f64.const 0x0p+0 (;=0;)
                f64x2.splat
                f64x2.gt
                local.set $l20
                local.get $l20
                v128.bitselect
                local.set $l22
                local.get $l21
                local.get $l22
                local.get $l19
                v128.bitselect
                local.set $l21
                f64.const 0x1p+1 (;=2;)
                f64x2.splat
                local.get $l13
                f64x2.mul
                f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
                f64x2.splat
                local.get $l21
                f64x2.sub
                f64x2.mul
                f64.const 0x1p+0 (;=1;)
                f64x2.splat
                local.get $l13
                local.get $l13
                f64x2.mul
                f64x2.sub
                f64x2.sqrt
                f64x2.add
                f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
                f64x2.splat
                f64x2.div
                local.set $l14
                local.get $l12
                local.get $l14
                v128.store
                local.get $l12
                i32.const 16
                i32.add
                local.set $l12
                local.get $l9
                i32.const 2
                i32.add
                local.set $l9
                local.get $l9
                local.get $l11
                i32.lt_s
                br_if $L8
              end
            end
            local.get $l11
            local.get $l10
            i32.lt_s
            if $I9
              local.get $l12
              v128.load64_splat
              local.set $l13
              local.get $l13
              f64.const 0x1p+0 (;=1;)
              f64x2.splat
              f64x2.min
              f64.const -0x1p+0 (;=-1;)
              f64x2.splat
              f64x2.max
              local.set $l13
              local.get $l13
              f64x2.abs
              local.set $l15
              local.get $l15
              f64.const 0x1p-1 (;=0.5;)
              f64x2.splat
              f64x2.lt
              local.set $l19
              local.get $l13
              local.get $l13
              f64x2.mul
              f64.const 0x1p+0 (;=1;)
              f64x2.splat
              local.get $l15
              f64x2.sub
              f64.const 0x1p-1 (;=0.5;)
              f64x2.splat
              f64x2.mul
              local.get $l19
              v128.bitselect
              local.set $l16
              f64.const 0x1.23de10dfdf709p-15 (;=3.47933e-05;)
              f64x2.splat
              local.get $l16
              f64x2.mul
              f64.const 0x1.9efe07501b288p-11 (;=0.000791535;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const -0x1.48228b5688f3bp-5 (;=-0.0400555;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const 0x1.9c1550e884455p-3 (;=0.201213;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const -0x1.4d61203eb6f7dp-2 (;=-0.325566;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const 0x1.5555555555555p-3 (;=0.166667;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const 0x1.3b8c5b12e9282p-4 (;=0.0770382;)
              f64x2.splat
              local.get $l16
              f64x2.mul
              f64.const -0x1.6066c1b8d0159p-1 (;=-0.688284;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const 0x1.02ae59c598ac8p+1 (;=2.02095;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const -0x1.33a271c8a2d4bp+1 (;=-2.40339;)
              f64x2.splat
              f64x2.add
              local.get $l16
              f64x2.mul
              f64.const 0x1p+0 (;=1;)
              f64x2.splat
              f64x2.add
              f64x2.div
              local.set $l17
              local.get $l16
              f64x2.sqrt
              local.set $l18
              f64.const 0x1.921fb54442d18p+0 (;=1.5708;)
              f64x2.splat
              local.get $l13
              f64.const 0x1.1a62633145c07p-54 (;=6.12323e-17;)
              f64x2.splat
              local.get $l13
              local.get $l17
              f64x2.mul
              f64x2.sub
              f64x2.sub
              f64x2.sub
              local.set $l21
              local.get $l18
              local.get $l17
              f64x2.mul
              local.set $l22
              local.get $l18
              local.get $l22
              f64x2.add
              f64.const 0x1p+1 (;=2;)
              f64x2.splat
              f64x2.mul
              f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
              f64x2.splat
              local.get $l18
              local.get $l22
              f64x2.add
              f64.const 0x1.1a62633145c07p-54 (;=6.12323e-17;)
              f64x2.splat
              f64x2.sub
              f64.const 0x1p+1 (;=2;)
              f64x2.splat
              f64x2.mul
              f64x2.sub
              local.get $l13
              f64.const 0x0p+0 (;=0;)
              f64x2.splat
              f64x2.gt
              local.set $l20
              local.get $l20
              v128.bitselect
              local.set $l22
              local.get $l21
              local.get $l22
              local.get $l19
              v128.bitselect
              local.set $l21
              f64.const 0x1p+1 (;=2;)
              f64x2.splat
              local.get $l13
              f64x2.mul
              f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
              f64x2.splat
              local.get $l21
              f64x2.sub
              f64x2.mul
              f64.const 0x1p+0 (;=1;)
              f64x2.splat
              local.get $l13
              local.get $l13
              f64x2.mul
              f64x2.sub
              f64x2.sqrt
              f64x2.add
              f64.const 0x1.921fb54442d18p+1 (;=3.14159;)
              f64x2.splat
              f64x2.div
              local.set $l14
              local.get $l12
              local.get $l14
              f64x2.extract_lane 0
              f64.store
            end
            local.get $l7
            i32.const 1
            i32.add
            local.set $l7
            br $L4
          end
        end
        br $L1
      end
    end))
