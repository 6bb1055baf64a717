(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t1 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 i32)))
  (type $t2 (func (param i32 i32 i32 i32 i32)))
  (type $t3 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type $t4 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $gd2_fwd (export "gd2_fwd") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32)
    (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 i32) (local $l14 i32) (local $l15 i32) (local $l16 i32) (local $l17 i32) (local $l18 i32) (local $l19 i32) (local $l20 v128) (local $l21 v128) (local $l22 v128) (local $l23 v128) (local $l24 v128) (local $l25 v128) (local $l26 v128) (local $l27 v128) (local $l28 v128) (local $l29 v128) (local $l30 v128) (local $l31 v128) (local $l32 v128) (local $l33 v128) (local $l34 v128) (local $l35 v128) (local $l36 v128) (local $l37 v128)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set $l37
    local.get $p7
    i32.const 4
    i32.mul
    local.set $l14
    i32.const 0
    local.set $l10
    block $B0
      local.get $l10
      local.get $p5
      i32.ge_s
      br_if $B0
      loop $L1
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l33
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l34
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l35
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l36
        local.get $p8
        local.set $l11
        block $B2
          local.get $l11
          local.get $p9
          i32.ge_s
          br_if $B2
          loop $L3
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l25
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l26
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l27
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l28
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l29
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l30
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l32
            local.get $p0
            local.get $l10
            i32.const 0
            i32.add
            local.get $p6
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.set $l15
            local.get $p0
            local.get $l10
            i32.const 1
            i32.add
            local.get $p6
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.set $l16
            local.get $p0
            local.get $l10
            i32.const 2
            i32.add
            local.get $p6
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.set $l17
            local.get $p0
            local.get $l10
            i32.const 3
            i32.add
            local.get $p6
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.set $l18
            local.get $p1
            local.get $l11
            i32.const 4
            i32.mul
            i32.add
            local.set $l13
            i32.const 0
            local.set $l12
            block $B4
              local.get $l12
              local.get $p6
              i32.ge_s
              br_if $B4
              loop $L5
                local.get $l13
                v128.load
                local.set $l21
                local.get $l13
                v128.load offset=16
                local.set $l22
                local.get $l15
                v128.load32_splat
                local.set $l20
                local.get $l25
                local.get $l20
                local.get $l21
                f32x4.mul
                f32x4.add
                local.set $l25
                local.get $l26
                local.get $l20
                local.get $l22
                f32x4.mul
                f32x4.add
                local.set $l26
                local.get $l15
                i32.const 4
                i32.add
                local.set $l15
                local.get $l16
                v128.load32_splat
                local.set $l20
                local.get $l27
                local.get $l20
                local.get $l21
                f32x4.mul
                f32x4.add
                local.set $l27
                local.get $l28
                local.get $l20
                local.get $l22
                f32x4.mul
                f32x4.add
                local.set $l28
                local.get $l16
                i32.const 4
                i32.add
                local.set $l16
                local.get $l17
                v128.load32_splat
                local.set $l20
                local.get $l29
                local.get $l20
                local.get $l21
                f32x4.mul
                f32x4.add
                local.set $l29
                local.get $l30
                local.get $l20
                local.get $l22
                f32x4.mul
                f32x4.add
                local.set $l30
                local.get $l17
                i32.const 4
                i32.add
                local.set $l17
                local.get $l18
                v128.load32_splat
                local.set $l20
                local.get $l31
                local.get $l20
                local.get $l21
                f32x4.mul
                f32x4.add
                local.set $l31
                local.get $l32
                local.get $l20
                local.get $l22
                f32x4.mul
                f32x4.add
                local.set $l32
                local.get $l18
                i32.const 4
                i32.add
                local.set $l18
                local.get $l13
                local.get $l14
                i32.add
                local.set $l13
                local.get $l12
                i32.const 1
                i32.add
                local.set $l12
                local.get $l12
                local.get $p6
                i32.lt_s
                br_if $L5
              end
            end
            local.get $p2
            local.get $l11
            i32.const 4
            i32.mul
            i32.add
            v128.load
            local.set $l23
            local.get $p2
            local.get $l11
            i32.const 4
            i32.mul
            i32.add
            v128.load offset=16
            local.set $l24
            local.get $p3
            local.get $l10
            i32.const 0
            i32.add
            local.get $p7
            i32.mul
            local.get $l11
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l19
            local.get $l25
            local.get $l37
            f32x4.max
            local.set $l25
            local.get $l19
            local.get $l25
            v128.store
            local.get $l33
            local.get $l25
            local.get $l23
            f32x4.mul
            f32x4.add
            local.set $l33
            local.get $l26
            local.get $l37
            f32x4.max
            local.set $l26
            local.get $l19
            local.get $l26
            v128.store offset=16
            local.get $l33
            local.get $l26
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l33
            local.get $p3
            local.get $l10
            i32.const 1
            i32.add
            local.get $p7
            i32.mul
            local.get $l11
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l19
            local.get $l27
            local.get $l37
            f32x4.max
            local.set $l27
            local.get $l19
            local.get $l27
            v128.store
            local.get $l34
            local.get $l27
            local.get $l23
            f32x4.mul
            f32x4.add
            local.set $l34
            local.get $l28
            local.get $l37
            f32x4.max
            local.set $l28
            local.get $l19
            local.get $l28
            v128.store offset=16
            local.get $l34
            local.get $l28
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l34
            local.get $p3
            local.get $l10
            i32.const 2
            i32.add
            local.get $p7
            i32.mul
            local.get $l11
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l19
            local.get $l29
            local.get $l37
            f32x4.max
            local.set $l29
            local.get $l19
            local.get $l29
            v128.store
            local.get $l35
            local.get $l29
            local.get $l23
            f32x4.mul
            f32x4.add
            local.set $l35
            local.get $l30
            local.get $l37
            f32x4.max
            local.set $l30
            local.get $l19
            local.get $l30
            v128.store offset=16
            local.get $l35
            local.get $l30
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l35
            local.get $p3
            local.get $l10
            i32.const 3
            i32.add
            local.get $p7
            i32.mul
            local.get $l11
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l19
            local.get $l31
            local.get $l37
            f32x4.max
            local.set $l31
            local.get $l19
            local.get $l31
            v128.store
            local.get $l36
            local.get $l31
            local.get $l23
            f32x4.mul
            f32x4.add
            local.set $l36
            local.get $l32
            local.get $l37
            f32x4.max
            local.set $l32
            local.get $l19
            local.get $l32
            v128.store offset=16
            local.get $l36
            local.get $l32
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l36
            local.get $l11
            i32.const 8
            i32.add
            local.set $l11
            local.get $l11
            local.get $p9
            i32.lt_s
            br_if $L3
          end
        end
        local.get $p4
        local.get $l10
        i32.const 0
        i32.add
        i32.const 4
        i32.mul
        i32.add
        local.get $p4
        local.get $l10
        i32.const 0
        i32.add
        i32.const 4
        i32.mul
        i32.add
        f32.load
        local.get $l33
        f32x4.extract_lane 0
        local.get $l33
        f32x4.extract_lane 1
        f32.add
        local.get $l33
        f32x4.extract_lane 2
        local.get $l33
        f32x4.extract_lane 3
        f32.add
        f32.add
        f32.add
        f32.store
        local.get $p4
        local.get $l10
        i32.const 1
        i32.add
        i32.const 4
        i32.mul
        i32.add
        local.get $p4
        local.get $l10
        i32.const 1
        i32.add
        i32.const 4
        i32.mul
        i32.add
        f32.load
        local.get $l34
        f32x4.extract_lane 0
        local.get $l34
        f32x4.extract_lane 1
        f32.add
        local.get $l34
        f32x4.extract_lane 2
        local.get $l34
        f32x4.extract_lane 3
        f32.add
        f32.add
        f32.add
        f32.store
        local.get $p4
        local.get $l10
        i32.const 2
        i32.add
        i32.const 4
        i32.mul
        i32.add
        local.get $p4
        local.get $l10
        i32.const 2
        i32.add
        i32.const 4
        i32.mul
        i32.add
        f32.load
        local.get $l35
        f32x4.extract_lane 0
        local.get $l35
        f32x4.extract_lane 1
        f32.add
        local.get $l35
        f32x4.extract_lane 2
        local.get $l35
        f32x4.extract_lane 3
        f32.add
        f32.add
        f32.add
        f32.store
        local.get $p4
        local.get $l10
        i32.const 3
        i32.add
        i32.const 4
        i32.mul
        i32.add
        local.get $p4
        local.get $l10
        i32.const 3
        i32.add
        i32.const 4
        i32.mul
        i32.add
        f32.load
        local.get $l36
        f32x4.extract_lane 0
        local.get $l36
        f32x4.extract_lane 1
        f32.add
        local.get $l36
        f32x4.extract_lane 2
        local.get $l36
        f32x4.extract_lane 3
        f32.add
        f32.add
        f32.add
        f32.store
        local.get $l10
        i32.const 4
        i32.add
        local.set $l10
        local.get $l10
        local.get $p5
        i32.lt_s
        br_if $L1
      end
    end)
  (func $gd2_bwd (export "gd2_bwd") (type $t1) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 f64) (param $p11 i32)
    (local $l12 i32) (local $l13 i32) (local $l14 i32) (local $l15 i32) (local $l16 i32) (local $l17 i32) (local $l18 i32) (local $l19 i32) (local $l20 i32) (local $l21 i32) (local $l22 v128) (local $l23 v128) (local $l24 v128) (local $l25 v128) (local $l26 v128) (local $l27 v128) (local $l28 v128) (local $l29 v128) (local $l30 v128) (local $l31 v128) (local $l32 v128) (local $l33 v128) (local $l34 v128) (local $l35 v128) (local $l36 v128) (local $l37 v128) (local $l38 v128) (local $l39 v128) (local $l40 v128) (local $l41 v128)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
    local.set $l23
    local.get $p10
    f32.demote_f64
    f32x4.splat
    local.set $l22
    local.get $p7
    i32.const 4
    i32.mul
    local.set $l19
    local.get $p6
    i32.const 4
    i32.mul
    local.set $l20
    local.get $p8
    local.set $l14
    block $B0
      local.get $l14
      local.get $p9
      i32.ge_s
      br_if $B0
      loop $L1
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l30
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l31
        local.get $p3
        local.get $l14
        i32.const 4
        i32.mul
        i32.add
        local.set $l16
        local.get $p4
        local.set $l18
        local.get $p11
        local.set $l12
        i32.const 0
        local.set $l13
        block $B2
          local.get $l13
          local.get $p5
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $l18
            v128.load32_splat
            local.set $l24
            local.get $l16
            v128.load
            local.set $l26
            local.get $l16
            v128.load offset=16
            local.set $l27
            local.get $l30
            local.get $l26
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l30
            local.get $l31
            local.get $l27
            local.get $l24
            f32x4.mul
            f32x4.add
            local.set $l31
            local.get $l12
            local.get $l24
            local.get $l26
            local.get $l23
            f32x4.gt
            v128.and
            v128.store
            local.get $l12
            local.get $l24
            local.get $l27
            local.get $l23
            f32x4.gt
            v128.and
            v128.store offset=16
            local.get $l16
            local.get $l19
            i32.add
            local.set $l16
            local.get $l18
            i32.const 4
            i32.add
            local.set $l18
            local.get $l12
            i32.const 32
            i32.add
            local.set $l12
            local.get $l13
            i32.const 1
            i32.add
            local.set $l13
            local.get $l13
            local.get $p5
            i32.lt_s
            br_if $L3
          end
        end
        local.get $p2
        local.get $l14
        i32.const 4
        i32.mul
        i32.add
        v128.load
        local.set $l32
        local.get $p2
        local.get $l14
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=16
        local.set $l33
        i32.const 0
        local.set $l15
        block $B4
          local.get $l15
          local.get $p6
          i32.ge_s
          br_if $B4
          loop $L5
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l34
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l35
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l36
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l37
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l38
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l39
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l40
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $l41
            local.get $p0
            local.get $l15
            i32.const 4
            i32.mul
            i32.add
            local.set $l17
            local.get $p11
            local.set $l12
            i32.const 0
            local.set $l13
            block $B6
              local.get $l13
              local.get $p5
              i32.ge_s
              br_if $B6
              loop $L7
                local.get $l12
                v128.load
                local.set $l28
                local.get $l12
                v128.load offset=16
                local.set $l29
                local.get $l17
                v128.load32_splat
                local.set $l25
                local.get $l34
                local.get $l25
                local.get $l28
                f32x4.mul
                f32x4.add
                local.set $l34
                local.get $l35
                local.get $l25
                local.get $l29
                f32x4.mul
                f32x4.add
                local.set $l35
                local.get $l17
                v128.load32_splat offset=4
                local.set $l25
                local.get $l36
                local.get $l25
                local.get $l28
                f32x4.mul
                f32x4.add
                local.set $l36
                local.get $l37
                local.get $l25
                local.get $l29
                f32x4.mul
                f32x4.add
                local.set $l37
                local.get $l17
                v128.load32_splat offset=8
                local.set $l25
                local.get $l38
                local.get $l25
                local.get $l28
                f32x4.mul
                f32x4.add
                local.set $l38
                local.get $l39
                local.get $l25
                local.get $l29
                f32x4.mul
                f32x4.add
                local.set $l39
                local.get $l17
                v128.load32_splat offset=12
                local.set $l25
                local.get $l40
                local.get $l25
                local.get $l28
                f32x4.mul
                f32x4.add
                local.set $l40
                local.get $l41
                local.get $l25
                local.get $l29
                f32x4.mul
                f32x4.add
                local.set $l41
                local.get $l17
                local.get $l20
                i32.add
                local.set $l17
                local.get $l12
                i32.const 32
                i32.add
                local.set $l12
                local.get $l13
                i32.const 1
                i32.add
                local.set $l13
                local.get $l13
                local.get $p5
                i32.lt_s
                br_if $L7
              end
            end
            local.get $p1
            local.get $l15
            i32.const 0
            i32.add
            local.get $p7
            i32.mul
            local.get $l14
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l21
            local.get $l21
            local.get $l21
            v128.load
            local.get $l22
            local.get $l32
            local.get $l34
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store
            local.get $l21
            local.get $l21
            v128.load offset=16
            local.get $l22
            local.get $l33
            local.get $l35
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store offset=16
            local.get $p1
            local.get $l15
            i32.const 1
            i32.add
            local.get $p7
            i32.mul
            local.get $l14
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l21
            local.get $l21
            local.get $l21
            v128.load
            local.get $l22
            local.get $l32
            local.get $l36
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store
            local.get $l21
            local.get $l21
            v128.load offset=16
            local.get $l22
            local.get $l33
            local.get $l37
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store offset=16
            local.get $p1
            local.get $l15
            i32.const 2
            i32.add
            local.get $p7
            i32.mul
            local.get $l14
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l21
            local.get $l21
            local.get $l21
            v128.load
            local.get $l22
            local.get $l32
            local.get $l38
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store
            local.get $l21
            local.get $l21
            v128.load offset=16
            local.get $l22
            local.get $l33
            local.get $l39
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store offset=16
            local.get $p1
            local.get $l15
            i32.const 3
            i32.add
            local.get $p7
            i32.mul
            local.get $l14
            i32.add
            i32.const 4
            i32.mul
            i32.add
            local.set $l21
            local.get $l21
            local.get $l21
            v128.load
            local.get $l22
            local.get $l32
            local.get $l40
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store
            local.get $l21
            local.get $l21
            v128.load offset=16
            local.get $l22
            local.get $l33
            local.get $l41
            f32x4.mul
            f32x4.mul
            f32x4.sub
            v128.store offset=16
            local.get $l15
            i32.const 4
            i32.add
            local.set $l15
            local.get $l15
            local.get $p6
            i32.lt_s
            br_if $L5
          end
        end
        local.get $p2
        local.get $l14
        i32.const 4
        i32.mul
        i32.add
        local.set $l21
        local.get $l21
        local.get $l32
        local.get $l22
        local.get $l30
        f32x4.mul
        f32x4.sub
        v128.store
        local.get $l21
        local.get $l33
        local.get $l22
        local.get $l31
        f32x4.mul
        f32x4.sub
        v128.store offset=16
        local.get $l14
        i32.const 8
        i32.add
        local.set $l14
        local.get $l14
        local.get $p9
        i32.lt_s
        br_if $L1
      end
    end)
  (func $gd2_resid (export "gd2_resid") (type $t2) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32)
    (local $l5 i32) (local $l6 i32) (local $l7 i32) (local $l8 v128) (local $l9 v128)
    local.get $p4
    f32.convert_i32_s
    f32x4.splat
    local.set $l9
    i32.const 0
    local.set $l5
    block $B0
      local.get $l5
      local.get $p4
      i32.ge_s
      br_if $B0
      loop $L1
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.set $l8
        local.get $l5
        i32.const 4
        i32.mul
        local.set $l7
        i32.const 0
        local.set $l6
        block $B2
          local.get $l6
          local.get $p1
          i32.ge_s
          br_if $B2
          loop $L3
            local.get $l8
            local.get $p0
            local.get $l6
            local.get $p4
            i32.mul
            i32.const 4
            i32.mul
            i32.add
            local.get $l7
            i32.add
            v128.load
            f32x4.add
            local.set $l8
            local.get $l6
            i32.const 1
            i32.add
            local.set $l6
            local.get $l6
            local.get $p1
            i32.lt_s
            br_if $L3
          end
        end
        local.get $p3
        local.get $l7
        i32.add
        local.get $l8
        local.get $p2
        local.get $l7
        i32.add
        v128.load
        f32x4.sub
        local.get $l9
        f32x4.div
        v128.store
        local.get $l5
        i32.const 4
        i32.add
        local.set $l5
        local.get $l5
        local.get $p4
        i32.lt_s
        br_if $L1
      end
    end)
  (func $gd2_fwd_dyn (export "gd2_fwd_dyn") (type $t3) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32)
    (local $l10 i32) (local $l11 i32) (local $l12 i32) (local $l13 i32)
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.tee $l11
        local.get $p9
        i32.ge_s
        br_if $B0
        local.get $l11
        local.get $p1
        i32.add
        local.set $l12
        local.get $l12
        local.get $p9
        i32.gt_s
        if $I2
          local.get $p9
          local.set $l12
        end
        local.get $p6
        local.get $l11
        local.get $p1
        i32.div_s
        local.get $p7
        i32.mul
        i32.const 4
        i32.mul
        i32.add
        local.set $l13
        i32.const 0
        local.set $l10
        block $B3
          local.get $l10
          local.get $p7
          i32.ge_s
          br_if $B3
          loop $L4
            local.get $l13
            local.get $l10
            i32.const 4
            i32.mul
            i32.add
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            v128.store
            local.get $l10
            i32.const 4
            i32.add
            local.set $l10
            local.get $l10
            local.get $p7
            i32.lt_s
            br_if $L4
          end
        end
        local.get $p2
        local.get $p3
        local.get $p4
        local.get $p5
        local.get $l13
        local.get $p7
        local.get $p8
        local.get $p9
        local.get $l11
        local.get $l12
        call $gd2_fwd
        br $L1
      end
    end)
  (func $gd2_step_dyn (export "gd2_step_dyn") (type $t4) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $p11 i32) (param $p12 i32) (param $p13 i32) (param $p14 f64) (param $p15 i32)
    (local $l16 i32) (local $l17 i32) (local $l18 i32) (local $l19 i32)
    local.get $p6
    local.get $p7
    local.get $p9
    local.get $p10
    local.get $p11
    call $gd2_resid
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.tee $l17
        local.get $p13
        i32.ge_s
        br_if $B0
        local.get $l17
        local.get $p1
        i32.add
        local.set $l18
        local.get $l18
        local.get $p13
        i32.gt_s
        if $I2
          local.get $p13
          local.set $l18
        end
        local.get $p2
        local.get $p3
        local.get $p4
        local.get $p5
        local.get $p10
        local.get $p11
        local.get $p12
        local.get $p13
        local.get $l17
        local.get $l18
        local.get $p14
        local.get $p15
        call $gd2_bwd
        local.get $p8
        local.get $l17
        local.get $p1
        i32.div_s
        local.get $p11
        i32.mul
        i32.const 4
        i32.mul
        i32.add
        local.set $l19
        i32.const 0
        local.set $l16
        block $B3
          local.get $l16
          local.get $p11
          i32.ge_s
          br_if $B3
          loop $L4
            local.get $l19
            local.get $l16
            i32.const 4
            i32.mul
            i32.add
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            v128.store
            local.get $l16
            i32.const 4
            i32.add
            local.set $l16
            local.get $l16
            local.get $p11
            i32.lt_s
            br_if $L4
          end
        end
        local.get $p2
        local.get $p3
        local.get $p4
        local.get $p5
        local.get $l19
        local.get $p11
        local.get $p12
        local.get $p13
        local.get $l17
        local.get $l18
        call $gd2_fwd
        br $L1
      end
    end))
